package lakehouse.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child JVM this JVM starts: started only while the run goes on, marked with this JVM as its
 * owner, watching this JVM through a stdin pipe ({@link ParentWatch}), and stopped by this JVM's
 * shutdown hook, which also removes the child's temporary directory. A child JVM started any other
 * way would outlive an interrupted run.
 */
public final class ChildProcesses {
  /** How long a child asked to stop (SIGTERM) gets to stop its own stack before it is killed. */
  public static final Duration GRACE = Duration.ofSeconds(40);

  /** Children not yet {@link #release}d, with the temporary directory each one owns (or null). */
  private static final Map<Process, Owned> CHILDREN = new ConcurrentHashMap<>();
  private static final Object STARTING = new Object();
  private static volatile boolean hookAdded;

  /** A child's temporary directory, which its parent removes once the child has ended. */
  private record Owned(Path tmpDir) {}

  private ChildProcesses() {}

  /** {@code <java.home>/bin/java} plus the arguments that mark and watch a child: owner, parent pid. */
  public static List<String> javaCommand() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(Owner.current().property());
    command.add("-D" + ParentWatch.PARENT_PID + "=" + ProcessHandle.current().pid());
    return command;
  }

  /**
   * Starts the child unless shutdown has begun, in which case it fails with "interrupted". The
   * child's stdin stays a pipe held open by this JVM: when this JVM dies, the child sees it.
   *
   * @param tmpDir the child's own temporary directory, removed with whatever is left in it once the
   *     child has ended, by {@link #release} or by the shutdown hook; null if it has none
   */
  public static Process start(String what, ProcessBuilder builder, Path tmpDir) throws IOException {
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    synchronized (STARTING) {
      addHookOnce();
      // Checked under the lock the hook takes, so no child starts after the hook has collected them.
      Shutdown.check(what);
      Process process = builder.start();
      CHILDREN.put(process, new Owned(tmpDir));
      return process;
    }
  }

  /**
   * Ends a child for good: stops it if it still runs (SIGTERM, so its hooks stop its stack; SIGKILL
   * only after {@link #GRACE}), reclaims what it left in its temporary directory and removes that.
   */
  public static void release(Process process) {
    // Forgotten only once cleaned up after: the shutdown hook may run at the same time, and the JVM exits
    // when the hook is done, whether or not the thread that called this one is.
    Owned owned = CHILDREN.get(process);
    release(process, owned);
    CHILDREN.remove(process);
  }

  private static void release(Process process, Owned owned) {
    if (process.isAlive()) {
      stop(process, GRACE);
    }
    if (owned != null && owned.tmpDir() != null) {
      removeTmpDir(owned.tmpDir());
    }
  }

  /** Asks a child to stop (SIGTERM), waits up to {@code grace} for its hooks to stop its stack, then kills it. */
  public static boolean stop(Process process, Duration grace) {
    process.destroy();
    boolean exited = waitFor(process, grace);
    if (!exited) {
      System.out.println("[lakehouse] child JVM " + process.pid() + " did not stop within " + grace.toSeconds()
          + " s of SIGTERM; killing it");
      process.destroyForcibly();
      waitFor(process, Duration.ofSeconds(10));
    }
    return exited;
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static void removeTmpDir(Path tmpDir) {
    if (!Files.exists(tmpDir)) {
      return;
    }
    Leftovers.reclaimInside(tmpDir, System.out);
    try {
      Directories.delete(tmpDir);
    } catch (UncheckedIOException e) {
      // Removed at the same moment by the shutdown hook, or by ChildJvm.close(): what is gone is gone.
    }
  }

  private static void addHookOnce() {
    if (!hookAdded) {
      hookAdded = true;
      Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::releaseAllFromHook, "lakehouse-stop-children"));
    }
  }

  /** From the shutdown hook: every child is asked to stop at once, then each is waited for and cleaned up after. */
  private static void releaseAllFromHook() {
    Map<Process, Owned> children;
    synchronized (STARTING) {
      Shutdown.begin("the JVM is shutting down (a signal, or System.exit)");
      children = Map.copyOf(CHILDREN);
    }
    children.keySet().stream().filter(Process::isAlive).forEach(Process::destroy);
    children.forEach((child, owned) -> {
      try {
        release(child, owned);
      } catch (RuntimeException e) {
        System.out.println("[lakehouse] could not clean up after child JVM " + child.pid() + ": " + e);
      }
    });
  }
}
