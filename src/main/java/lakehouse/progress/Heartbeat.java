package lakehouse.progress;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Prints what the run is busy with whenever the console has been quiet for a second: the
 * innermost open {@link Phase}s, each with its progress and elapsed time. At most one line a
 * second, and nothing while other output flows, so a normal run is never silent for long and
 * never chattier than once a second.
 */
public final class Heartbeat {
  static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);
  private static final long TICK_MILLIS = 200;
  /** A wait untouched for this long ended without saying so (its condition threw). */
  static final long EXPIRED_NANOS = TimeUnit.SECONDS.toNanos(3);
  static final String PREFIX = "[lakehouse] ... ";

  private static ScheduledExecutorService ticker;
  private static volatile long lastBeatNanos;

  private Heartbeat() {}

  /** Starts the heartbeat once per JVM; later calls only re-wrap a console a test swapped out. */
  public static synchronized void install() {
    QuietConsole.install();
    if (ticker == null) {
      AwaitProgress.install();
      ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lakehouse-heartbeat");
        thread.setDaemon(true);
        return thread;
      });
      ticker.scheduleWithFixedDelay(Heartbeat::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  static void tick() {
    long now = System.nanoTime();
    if (now - QuietConsole.lastWriteNanos() < QUIET_NANOS || now - lastBeatNanos < QUIET_NANOS) {
      return;
    }
    List<Phase> busy = Phases.innermost(now, EXPIRED_NANOS);
    if (busy.isEmpty()) {
      return;
    }
    lastBeatNanos = now;
    System.out.println(PREFIX + busy.stream().map(phase -> phase.describe(now)).collect(Collectors.joining("; ")));
  }
}
