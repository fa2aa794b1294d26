package lakehouse.progress;

import java.time.Duration;
import org.awaitility.Awaitility;

/** Lets a stretch of wall-clock time pass, such as an outage or a cache's lifetime: a poll, never a sleep. */
public final class Elapse {
  private Elapse() {}

  public static void of(Duration duration, String what) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    long until = System.nanoTime() + duration.toNanos();
    Awaitility.await(what + " (" + duration.toMillis() + " ms) to pass")
        .atMost(duration.plusSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .conditionEvaluationListener(new Progress(System.out, "waiting for " + what + ", ms",
            duration.toMillis(), () -> duration.toMillis() - Math.max(0, (until - System.nanoTime()) / 1_000_000)))
        .until(() -> System.nanoTime() >= until);
  }
}
