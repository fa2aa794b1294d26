package lakehouse.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * In a child JVM: exits, running its shutdown hooks (which stop its stack), as soon as the parent
 * JVM is gone, whatever ended it, SIGKILL included. No signal reaches a child when its parent is
 * killed, so the child watches for itself, two ways:
 *
 * <ul>
 *   <li>its stdin is a pipe whose other end only the parent holds; the kernel closes that end when the
 *       parent dies, and the read here returns end-of-file at once (measured: within milliseconds);</li>
 *   <li>{@code ProcessHandle.onExit()} of the parent, a backup: for a process that is not its child
 *       the JDK polls, first every 300 ms and up to every 5 s as time goes on (JDK 17's
 *       {@code ProcessHandleImpl.completion}), so it can lag by seconds.</li>
 * </ul>
 *
 * <p>{@link ChildProcesses} starts every child with both: {@code -Dlakehouse.parent-pid} and a stdin pipe.
 */
public final class ParentWatch {
  /** The parent JVM's pid; set by {@link ChildProcesses} on every child JVM it starts. */
  public static final String PARENT_PID = "lakehouse.parent-pid";
  /** A child that exits because its parent went away exits with this status. */
  public static final int PARENT_GONE_EXIT_STATUS = 3;

  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final AtomicBoolean EXITING = new AtomicBoolean();

  private ParentWatch() {}

  /** Starts watching when this JVM was started as a child (the property is set); otherwise does nothing. */
  public static void startIfChild() {
    String parent = System.getProperty(PARENT_PID);
    if (parent == null || !STARTED.compareAndSet(false, true)) {
      return;
    }
    long parentPid = Long.parseLong(parent);
    Thread stdin = new Thread(() -> {
      awaitEndOfFile(System.in);
      parentGone(parentPid, "its end of this JVM's stdin pipe closed");
    }, "lakehouse-parent-watch");
    stdin.setDaemon(true);
    stdin.start();
    ProcessHandle.of(parentPid).ifPresentOrElse(
        process -> process.onExit().thenRun(() -> parentGone(parentPid, "ProcessHandle.onExit fired")),
        () -> parentGone(parentPid, "it was not running when this JVM started"));
  }

  private static void awaitEndOfFile(InputStream in) {
    byte[] ignored = new byte[256];
    try {
      while (in.read(ignored) >= 0) {
        // The parent writes nothing; anything read is ignored.
      }
    } catch (IOException closed) {
      // A broken pipe is the parent going away as well.
    }
  }

  private static void parentGone(long parentPid, String how) {
    if (!EXITING.compareAndSet(false, true)) {
      return;
    }
    Shutdown.begin("the parent JVM " + parentPid + " went away");
    System.out.println("[lakehouse] the parent JVM " + parentPid + " went away (" + how
        + "); this child JVM stops its stack and exits");
    // Exits from a thread of its own: System.exit waits for the shutdown hooks, whatever thread called this.
    Thread exit = new Thread(() -> System.exit(PARENT_GONE_EXIT_STATUS), "lakehouse-parent-gone-exit");
    exit.start();
  }
}
