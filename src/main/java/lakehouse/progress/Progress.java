package lakehouse.progress;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.EvaluatedCondition;

/** Prints how far a long wait has come, at most once a second: "redpanda.trades: 6,000 / 10,000 rows committed, 3.1 s". */
public final class Progress implements ConditionEvaluationListener<Object> {
  private final PrintStream out;
  private final String what;
  private final long target;
  private final LongSupplier current;
  private long lastPrinted;

  public Progress(PrintStream out, String what, long target, LongSupplier current) {
    this.out = out;
    this.what = what;
    this.target = target;
    this.current = current;
  }

  @Override
  public void conditionEvaluated(EvaluatedCondition<Object> condition) {
    long elapsed = condition.getElapsedTimeInMS();
    if (elapsed - lastPrinted >= 1_000) {
      lastPrinted = elapsed;
      out.printf("[lakehouse] %s: %,d / %,d, %.1f s%n", what, current.getAsLong(), target, elapsed / 1000.0);
    }
  }
}
