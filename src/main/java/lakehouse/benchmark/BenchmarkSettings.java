package lakehouse.benchmark;

import java.util.Arrays;
import java.util.List;
import lakehouse.stack.Settings;

/**
 * What the benchmark measures: the sizes (trades per run) and how many batches each size is
 * produced in; every batch gives one freshness sample.
 */
public record BenchmarkSettings(List<Integer> sizes, int batches) {
  static final String SIZES = "lakehouse.benchmark.sizes";
  static final String BATCHES = "lakehouse.benchmark.batches";

  public static BenchmarkSettings from(Settings settings) {
    List<Integer> sizes = Arrays.stream(settings.string(SIZES, "10000,100000,1000000").split(","))
        .map(String::trim)
        .map(size -> {
          try {
            int parsed = Integer.parseInt(size.replace("_", ""));
            if (parsed > 0) {
              return parsed;
            }
          } catch (NumberFormatException ignored) {
            // the error below names the setting
          }
          throw new IllegalArgumentException(SIZES + " must list whole numbers above 0, such as 10000,100000; got '" + size + "'");
        })
        .toList();
    int batches = settings.positiveInt(BATCHES, 5);
    if (batches < 5) {
      throw new IllegalArgumentException(BATCHES + "=" + batches + " gives too few freshness samples for a median; use 5 or more");
    }
    return new BenchmarkSettings(sizes, batches);
  }
}
