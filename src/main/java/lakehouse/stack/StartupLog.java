package lakehouse.stack;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import lakehouse.progress.Phase;

/** Prints each stack component as it comes up, with its time, and keeps the times for the report. */
public final class StartupLog {
  private final PrintStream out;
  private final Map<String, Long> millis = new LinkedHashMap<>();

  public StartupLog(PrintStream out) {
    this.out = out;
  }

  public <T> T step(String component, Callable<T> start) throws Exception {
    long begin = System.nanoTime();
    T result;
    try (Phase phase = Phase.begin("starting " + component)) {
      result = start.call();
    }
    long elapsed = (System.nanoTime() - begin) / 1_000_000;
    synchronized (this) {
      millis.put(component, elapsed);
    }
    out.printf("[lakehouse]   %-40s up in %,6d ms%n", component, elapsed);
    return result;
  }

  /** The whole start-up, wall clock: less than the sum where components start side by side. */
  public static final String TOTAL = "total (wall clock)";

  /** Records the whole start-up's wall-clock time under {@link #TOTAL}. */
  public synchronized void total(long millis) {
    this.millis.put(TOTAL, millis);
    out.printf("[lakehouse]   %-40s       %,6d ms%n", TOTAL, millis);
  }

  /** In start order. */
  public synchronized Map<String, Long> millisByComponent() {
    return new LinkedHashMap<>(millis);
  }
}
