package lakehouse.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run measured and whether it passed, written to {@code run.json} and {@code run.md} in
 * the report directory. Performance lives here, never in assertions.
 */
public final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final long startNanos = System.nanoTime();
  private final RunOutcome outcome;
  private final boolean writesFiles;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Long> stages = new LinkedHashMap<>();
  private final Map<String, Long> freshness = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> freshnessParts = new LinkedHashMap<>();
  private final Map<String, Long> stackStart = new LinkedHashMap<>();
  private final Map<String, Long> reliability = new LinkedHashMap<>();
  private final List<Map<String, Object>> faults = new ArrayList<>();

  /** A report of its own, with an outcome nobody records into. */
  public RunReport() {
    this(new RunOutcome(), true);
  }

  /**
   * @param writesFiles false for a benchmark run, which writes only {@code benchmark.json} and
   *     {@code benchmark.md}: its report is kept in memory and {@link #write} does nothing
   */
  public RunReport(RunOutcome outcome, boolean writesFiles) {
    this.outcome = outcome;
    this.writesFiles = writesFiles;
  }

  public RunOutcome outcome() {
    return outcome;
  }

  public boolean writesFiles() {
    return writesFiles;
  }

  public synchronized void put(String key, Object value) {
    values.put(key, value);
  }

  public synchronized void stage(String name, long millis) {
    stages.put(name, millis);
  }

  public synchronized void freshness(String table, long millis) {
    freshness.put(table, millis);
  }

  /** Where one topic's freshness went, each part from the last acknowledgement (FreshnessParts). */
  public synchronized void freshnessParts(String table, Map<String, Long> parts) {
    freshnessParts.put(table, new LinkedHashMap<>(parts));
  }

  public synchronized void stackStart(Map<String, Long> millisByComponent) {
    stackStart.putAll(millisByComponent);
  }

  /** Adds to a reliability count ({@code produced}, {@code in_table}, {@code quarantined}, {@code duplicates}, {@code missing}). */
  public synchronized void countReliability(String key, long value) {
    reliability.merge(key, value, Long::sum);
  }

  /** Records a fault the spec injected: what, when it started, and how long it took. */
  public synchronized void faultInjected(String fault, Instant at, long millis) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("fault", fault);
    entry.put("at", at.toString());
    entry.put("duration_ms", millis);
    faults.add(entry);
  }

  public synchronized Map<String, Object> toMap() {
    Map<String, Object> report = new LinkedHashMap<>();
    Map<String, Object> result = outcome.toMap();
    report.put("outcome", result.remove("outcome"));
    report.putAll(values);
    report.putAll(result);
    report.put("stages", new LinkedHashMap<>(stages));
    report.put("freshness_ms", new LinkedHashMap<>(freshness));
    report.put("freshness_parts_ms", new LinkedHashMap<>(freshnessParts));
    report.put("stack_start_ms", new LinkedHashMap<>(stackStart));
    if (!reliability.isEmpty() || !faults.isEmpty()) {
      Map<String, Object> section = new LinkedHashMap<>(reliability);
      section.put("faults_injected", new ArrayList<>(faults));
      report.put("reliability", section);
    }
    report.put("total_ms", (System.nanoTime() - startNanos) / 1_000_000);
    return report;
  }

  /**
   * Writes run.json and run.md, each aside and then moved into place, so a reader never sees half a
   * report and an earlier run's report is replaced whole.
   */
  public synchronized void write(Path dir) throws IOException {
    if (!writesFiles) {
      return;
    }
    Files.createDirectories(dir);
    Map<String, Object> report = toMap();
    replace(dir.resolve("run.json"), JSON.writeValueAsString(report));
    replace(dir.resolve("run.md"), RunMarkdown.render(report));
  }

  private static void replace(Path file, String content) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, content);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
