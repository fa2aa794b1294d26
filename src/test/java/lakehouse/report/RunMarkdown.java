package lakehouse.report;

import java.util.Map;

/** The human-readable {@code run.md} beside {@code run.json}. */
final class RunMarkdown {
  private RunMarkdown() {}

  static String render(Map<String, Object> report) {
    StringBuilder md = new StringBuilder("# Lakehouse round trip\n\n");
    md.append("- stack: ").append(report.get("stack")).append('\n');
    md.append("- ").append(report.get("banner")).append('\n');
    md.append("- trades: ").append(report.get("trades")).append(", commit interval: ")
        .append(report.get("commit_interval_ms")).append(" ms\n");
    md.append("- total: ").append(report.get("total_ms")).append(" ms\n\n");
    table(md, "Stage", report.get("stages"));
    table(md, "Freshness (last ack → all rows visible in DuckDB)", report.get("freshness_ms"));
    table(md, "Stack start-up", report.get("stack_start_ms"));
    if (report.get("reliability") instanceof Map<?, ?> reliability) {
      md.append("## Reliability\n\n");
      reliability.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
      md.append('\n');
    }
    return md.toString();
  }

  private static void table(StringBuilder md, String title, Object rows) {
    md.append("| ").append(title).append(" | ms |\n| --- | ---: |\n");
    if (rows instanceof Map<?, ?> map) {
      map.forEach((name, millis) -> md.append("| ").append(name).append(" | ").append(millis).append(" |\n"));
    }
    md.append('\n');
  }
}
