package lakehouse.progress;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.EvaluatedCondition;
import org.awaitility.core.TimeoutEvent;

/**
 * Every Awaitility wait in the JVM that has no listener of its own becomes a phase, named by its
 * alias ("waiting for 3 dead letters in …"), so a long wait anywhere shows up in the heartbeat
 * without each wait printing its own progress. Waits that print their own ({@link
 * lakehouse.progress.Progress}) keep their listener and are not doubled.
 */
final class AwaitProgress implements ConditionEvaluationListener<Object> {
  private static final int LONGEST_STATUS = 140;

  /** Awaitility polls in a thread of its own per wait, so a thread-local phase is one wait's phase. */
  private final ThreadLocal<Phase> wait = new ThreadLocal<>();

  static void install() {
    Awaitility.setDefaultConditionEvaluationListener(new AwaitProgress());
  }

  @Override
  public void conditionEvaluated(EvaluatedCondition<Object> condition) {
    Phase phase = wait.get();
    if (condition.isSatisfied()) {
      end(phase);
      return;
    }
    String what = "waiting for " + (condition.hasAlias() ? condition.getAlias() : firstLine(condition.getDescription()));
    if (phase == null || !phase.isOpen() || !phase.what().equals(what)) {
      end(phase);
      phase = Phase.beginExpiring(what, () -> null);
      wait.set(phase);
    }
    // An unmet assertion says how far the wait has got ("expected 100000 but was 61234").
    phase.progress(condition.hasAlias() && condition.getDescription() != null && !condition.getDescription().contains(condition.getAlias())
        ? firstLine(condition.getDescription()) : null);
  }

  @Override
  public void onTimeout(TimeoutEvent timeoutEvent) {
    end(wait.get());
  }

  private void end(Phase phase) {
    if (phase != null) {
      phase.close();
      wait.remove();
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "a condition";
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > LONGEST_STATUS ? line.substring(0, LONGEST_STATUS) + "…" : line;
  }
}
