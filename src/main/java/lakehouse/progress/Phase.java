package lakehouse.progress;

import java.util.function.Supplier;

/**
 * Something the run is busy with, such as a stack component starting or a wait for a commit. While
 * a phase is open and the console has been quiet for a second, the {@link Heartbeat} prints what it
 * is and how far it has got, so no long phase is silent:
 *
 * <pre>
 * try (Phase phase = Phase.begin("downloading duckdb-extension-iceberg", () -&gt; mb(read) + " of 17.9 MB")) {
 *   ...
 * }
 * </pre>
 *
 * Phases nest: one opened while another is open on the same thread (or on the thread that created
 * this one) is its child, and the heartbeat names only the innermost open phases. Closing a phase
 * closes its children too, so a wait abandoned by an exception cannot outlive the test it ran in.
 */
public final class Phase implements AutoCloseable {
  private static final Supplier<String> NO_PROGRESS = () -> null;

  private final String what;
  private final Phase parent;
  private final boolean expiresUntouched;
  private final long startNanos = System.nanoTime();
  private volatile Supplier<String> progress;
  private volatile long touchedNanos = startNanos;
  private volatile boolean closed;

  private Phase(String what, Phase parent, Supplier<String> progress, boolean expiresUntouched) {
    this.what = what;
    this.parent = parent;
    this.progress = progress;
    this.expiresUntouched = expiresUntouched;
  }

  /** Opens a phase whose progress is its elapsed time. */
  public static Phase begin(String what) {
    return begin(what, NO_PROGRESS);
  }

  /** Opens a phase; {@code progress} says how far it has got ("6,000 / 10,000 rows"), or null for nothing. */
  public static Phase begin(String what, Supplier<String> progress) {
    Phase phase = new Phase(what, Phases.current(), progress, false);
    Phases.open(phase);
    return phase;
  }

  /**
   * A phase that counts as over when nobody {@link #touch()}es it for a while: for a wait whose
   * end is not always reported, such as an Awaitility poll that threw.
   */
  static Phase beginExpiring(String what, Supplier<String> progress) {
    Phase phase = new Phase(what, Phases.current(), progress, true);
    Phases.open(phase);
    return phase;
  }

  /** Replaces the progress with a fixed text, for work that reports as it goes. */
  public void progress(String status) {
    this.progress = () -> status;
    touch();
  }

  /** Marks the phase as still alive; see {@link #beginExpiring}. */
  void touch() {
    touchedNanos = System.nanoTime();
  }

  String what() {
    return what;
  }

  Phase parent() {
    return parent;
  }

  long startNanos() {
    return startNanos;
  }

  boolean isExpired(long nowNanos, long afterNanos) {
    return expiresUntouched && nowNanos - touchedNanos > afterNanos;
  }

  boolean isOpen() {
    return !closed;
  }

  /** "what: progress, 3.1 s", or "what: 3.1 s" without progress. */
  String describe(long nowNanos) {
    String status;
    try {
      status = progress.get();
    } catch (RuntimeException e) {
      status = null;
    }
    String elapsed = String.format("%.1f s", (nowNanos - startNanos) / 1e9);
    return what + ": " + (status == null || status.isBlank() ? elapsed : status + ", " + elapsed);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Phases.close(this);
    }
  }

  @Override
  public String toString() {
    return what;
  }
}
