package lakehouse.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code benchmark.json} (one entry per size, snake_case keys), {@code benchmark.md} and its charts. */
final class BenchmarkReport {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private BenchmarkReport() {}

  static void write(Path dir, String banner, String machine, List<SizeResult> results) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("banner", banner);
    json.put("machine", machine);
    json.put("sizes", results);
    JSON.writeValue(dir.resolve("benchmark.json").toFile(), json);
    BenchmarkCharts.write(results, dir);
    Files.writeString(dir.resolve("benchmark.md"), BenchmarkMarkdown.render(banner, machine, results));
  }

  /** What the figures were measured on: cores, memory, JVM. */
  static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.availableProcessors() + " cores, " + (osMemoryMb() / 1024) + " GiB RAM, Java "
        + System.getProperty("java.version") + ", max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB";
  }

  private static long osMemoryMb() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() / (1024 * 1024) : 0;
  }
}
