package lakehouse.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * The one switch that makes shutdown final. A signal (through the JVM's shutdown hooks), the end of
 * the run or a parent that went away sets it; from then on nothing new is started: no stack, no
 * child JVM, no Iceberg topic, no component restart. Whatever would start one fails at once with
 * {@link RunInterruptedException}, and every Awaitility wait ends at its next poll, both with a
 * message that says "interrupted".
 *
 * <p>Without it, a signal stopped the stack from the shutdown hook while the test thread went on and
 * started the next spec's child JVM, which then outlived the run.
 */
public final class Shutdown {
  /** The word every failure caused by shutdown carries, so a reader (or a test) can tell it from a real one. */
  public static final String INTERRUPTED = "interrupted";

  private static final AtomicReference<String> REASON = new AtomicReference<>();
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private Shutdown() {}

  /**
   * Sets the switch from a JVM shutdown hook of its own, and makes every Awaitility wait in this JVM
   * fail fast once the switch is set. Idempotent; call it before anything is started.
   */
  public static void install() {
    if (!INSTALLED.compareAndSet(false, true)) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> begin("the JVM is shutting down (a signal, or System.exit)"), "lakehouse-shutdown-switch"));
    Awaitility.setDefaultFailFastCondition(INTERRUPTED + ": the run is shutting down, so this wait was abandoned",
        Shutdown::begun);
  }

  /** Sets the switch; the first reason given is kept. Every shutdown hook of the suite calls this first. */
  public static void begin(String reason) {
    REASON.compareAndSet(null, reason);
  }

  public static boolean begun() {
    return REASON.get() != null;
  }

  /**
   * True once the JVM itself has begun to exit (its shutdown hooks are running), which {@link #begun}
   * does not tell apart from the end of a run: the JVM then refuses any new shutdown hook.
   */
  public static boolean jvmExiting() {
    Thread probe = new Thread(() -> { }, "lakehouse-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException shutdownInProgress) {
      return true;
    }
  }

  /** Why shutdown began, or null while the run goes on. */
  public static String reason() {
    return REASON.get();
  }

  /** Fails at once, naming {@code what} would have been started, once shutdown has begun. */
  public static void check(String what) {
    String reason = REASON.get();
    if (reason != null) {
      throw new RunInterruptedException(INTERRUPTED + ": " + reason + "; " + what + " is not started");
    }
  }

  /** What a start refused during shutdown throws; its message starts with "interrupted". */
  public static final class RunInterruptedException extends IllegalStateException {
    RunInterruptedException(String message) {
      super(message);
    }
  }
}
