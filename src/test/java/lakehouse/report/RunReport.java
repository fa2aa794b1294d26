package lakehouse.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run measured, written to {@code run.json} and {@code run.md} in the report directory.
 * Performance lives here, never in assertions.
 */
public final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final long startNanos = System.nanoTime();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Long> stages = new LinkedHashMap<>();
  private final Map<String, Long> freshness = new LinkedHashMap<>();
  private final Map<String, Long> stackStart = new LinkedHashMap<>();

  public synchronized void put(String key, Object value) {
    values.put(key, value);
  }

  public synchronized void stage(String name, long millis) {
    stages.put(name, millis);
  }

  public synchronized void freshness(String table, long millis) {
    freshness.put(table, millis);
  }

  public synchronized void stackStart(Map<String, Long> millisByComponent) {
    stackStart.putAll(millisByComponent);
  }

  public synchronized Map<String, Object> toMap() {
    Map<String, Object> report = new LinkedHashMap<>(values);
    report.put("stages", new LinkedHashMap<>(stages));
    report.put("freshness_ms", new LinkedHashMap<>(freshness));
    report.put("stack_start_ms", new LinkedHashMap<>(stackStart));
    report.put("total_ms", (System.nanoTime() - startNanos) / 1_000_000);
    return report;
  }

  public synchronized void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> report = toMap();
    JSON.writeValue(dir.resolve("run.json").toFile(), report);
    Files.writeString(dir.resolve("run.md"), RunMarkdown.render(report));
  }
}
