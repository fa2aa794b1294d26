package lakehouse.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open phases of this JVM, and each thread's innermost one. */
final class Phases {
  /** Inherited, so work handed to a thread started inside a phase (a start-up pool, a poll thread) nests under it. */
  private static final InheritableThreadLocal<Phase> CURRENT = new InheritableThreadLocal<>();
  private static final Set<Phase> OPEN = ConcurrentHashMap.newKeySet();

  private Phases() {}

  static Phase current() {
    Phase phase = CURRENT.get();
    while (phase != null && !phase.isOpen()) {
      phase = phase.parent();
    }
    return phase;
  }

  static void open(Phase phase) {
    OPEN.add(phase);
    CURRENT.set(phase);
  }

  static void close(Phase phase) {
    OPEN.remove(phase);
    for (Phase other : List.copyOf(OPEN)) {
      if (isDescendant(other, phase)) {
        other.close();
      }
    }
    if (CURRENT.get() == phase) {
      CURRENT.set(current());
    }
  }

  /** The open phases that no other open phase is nested in: what the run is busy with right now, oldest first. */
  static List<Phase> innermost(long nowNanos, long staleAfterNanos) {
    List<Phase> open = new ArrayList<>();
    for (Phase phase : OPEN) {
      if (!phase.isExpired(nowNanos, staleAfterNanos)) {
        open.add(phase);
      }
    }
    List<Phase> leaves = new ArrayList<>();
    for (Phase phase : open) {
      boolean hasChild = open.stream().anyMatch(other -> other != phase && isDescendant(other, phase));
      if (!hasChild) {
        leaves.add(phase);
      }
    }
    leaves.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
    return leaves;
  }


  private static boolean isDescendant(Phase candidate, Phase ancestor) {
    for (Phase p = candidate.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }
}
