package lakehouse.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** When each stage of one size's run started and ended, in milliseconds from the run's start. */
final class Timeline {
  record Span(String stage, long startMs, long endMs) {
    long millis() {
      return endMs - startMs;
    }
  }

  private final long originNanos = System.nanoTime();
  private final List<Span> spans = new ArrayList<>();

  <T> T span(String stage, Callable<T> work) throws Exception {
    long start = now();
    try {
      return work.call();
    } finally {
      spans.add(new Span(stage, start, now()));
    }
  }

  /** Records a stage whose bounds were measured elsewhere, as {@link System#nanoTime()} values. */
  void span(String stage, long startNanos, long endNanos) {
    spans.add(new Span(stage, toMillis(startNanos), toMillis(endNanos)));
  }

  long now() {
    return toMillis(System.nanoTime());
  }

  private long toMillis(long nanos) {
    return (nanos - originNanos) / 1_000_000;
  }

  List<Span> spans() {
    return List.copyOf(spans);
  }
}
