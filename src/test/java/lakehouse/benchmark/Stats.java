package lakehouse.benchmark;

import java.util.List;

/** Medians and maxima of a handful of samples. */
final class Stats {
  private Stats() {}

  /** The median; for an even count, the lower middle sample, so it is always a measured value. */
  static long p50(List<Long> samples) {
    List<Long> sorted = samples.stream().sorted().toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  static long max(List<Long> samples) {
    return samples.stream().mapToLong(Long::longValue).max().orElseThrow();
  }
}
