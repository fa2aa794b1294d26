package lakehouse.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The few lines printed when the run ends: stack, outcome, counts, freshness, and where run.md is. */
public final class RunSummary {
  private RunSummary() {}

  /** @param runMd the report a person should open, or null when this run writes none (the benchmark) */
  public static String render(Map<String, Object> report, Path runMd) {
    StringBuilder text = new StringBuilder("[lakehouse] ---- run summary ----\n");
    text.append("[lakehouse] stack: ").append(report.get("stack")).append('\n');
    text.append("[lakehouse] outcome: ").append(String.valueOf(report.get("outcome")).toUpperCase(java.util.Locale.ROOT));
    if (report.get("totals") instanceof Map<?, ?> totals) {
      text.append(" (").append(totals.get("passed")).append(" passed, ").append(totals.get("failed")).append(" failed, ")
          .append(totals.get("skipped")).append(" skipped)");
    }
    text.append('\n');
    if (report.get("preflight_failure") != null) {
      text.append("[lakehouse] the preflight failed (see its error above); no stack was started\n");
    }
    if (report.get("failures") instanceof List<?> failures) {
      for (Object item : failures) {
        if (item instanceof Map<?, ?> failure && !"preflight".equals(failure.get("spec"))) {
          String message = String.valueOf(failure.get("message")).replaceAll("\\s+", " ").strip();
          text.append("[lakehouse] failed: ").append(failure.get("spec")).append('.').append(failure.get("test"))
              .append(": ").append(message.length() > 160 ? message.substring(0, 160) + "…" : message)
              .append(" (log: ").append(failure.get("log")).append(")\n");
        }
      }
    }
    text.append("[lakehouse] freshness (last acknowledgement until DuckDB sees every row): ")
        .append(freshness(report.get("freshness_ms"))).append('\n');
    if (runMd != null) {
      text.append("[lakehouse] report: ").append(runMd).append('\n');
    }
    return text.toString();
  }

  private static String freshness(Object figures) {
    if (figures instanceof Map<?, ?> map && !map.isEmpty()) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + " " + String.format("%,d ms", ((Number) e.getValue()).longValue()))
          .collect(Collectors.joining(", "));
    }
    return "not measured";
  }
}
