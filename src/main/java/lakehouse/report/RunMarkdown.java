package lakehouse.report;

import java.util.List;
import java.util.Map;

/** The human-readable {@code run.md} beside {@code run.json}. */
final class RunMarkdown {
  private RunMarkdown() {}

  static String render(Map<String, Object> report) {
    StringBuilder md = new StringBuilder("# Lakehouse round trip\n\n");
    md.append("**Outcome: ").append(report.get("outcome")).append("**");
    if (report.get("totals") instanceof Map<?, ?> totals) {
      md.append(" (").append(totals.get("passed")).append(" passed, ").append(totals.get("failed")).append(" failed, ")
          .append(totals.get("skipped")).append(" skipped)");
    }
    md.append("\n\n");
    if (report.get("preflight_failure") != null) {
      md.append("The run stopped before any stack started:\n\n```\n").append(report.get("preflight_failure")).append("\n```\n\n");
    }
    md.append("- stack: ").append(report.get("stack")).append('\n');
    if (report.get("banner") != null) {
      md.append("- ").append(report.get("banner")).append('\n');
    }
    md.append("- trades: ").append(report.get("trades"))
        .append(report.get("format") == null ? "" : ", format of the main round trip: " + report.get("format"))
        .append(", commit interval: ")
        .append(report.get("commit_interval_ms")).append(" ms\n");
    md.append("- total: ").append(report.get("total_ms")).append(" ms\n\n");
    failures(md, report.get("failures"));
    tests(md, report.get("tests"));
    table(md, "Stage", report.get("stages"));
    table(md, "Freshness (last ack → all rows visible in DuckDB)", report.get("freshness_ms"));
    freshnessParts(md, report.get("freshness_parts_ms"));
    table(md, "Stack start-up", report.get("stack_start_ms"));
    if (report.get("reliability") instanceof Map<?, ?> reliability) {
      md.append("## Reliability\n\n");
      reliability.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
      md.append('\n');
    }
    return md.toString();
  }

  private static void failures(StringBuilder md, Object failures) {
    if (failures instanceof List<?> list && list.stream().anyMatch(f -> f instanceof Map<?, ?> m && !"preflight".equals(m.get("spec")))) {
      md.append("## Failures\n\n");
      for (Object item : list) {
        if (item instanceof Map<?, ?> failure && !"preflight".equals(failure.get("spec"))) {
          md.append("- **").append(failure.get("spec")).append('.').append(failure.get("test")).append("**: ")
              .append(String.valueOf(failure.get("message")).replace("\n", " ")).append(" (log: `")
              .append(failure.get("log")).append("`)\n");
        }
      }
      md.append('\n');
    }
  }

  private static void tests(StringBuilder md, Object tests) {
    md.append("| Spec | passed | failed | skipped |\n| --- | ---: | ---: | ---: |\n");
    if (tests instanceof Map<?, ?> map) {
      map.forEach((spec, counts) -> {
        if (counts instanceof Map<?, ?> c) {
          md.append("| ").append(spec).append(" | ").append(c.get("passed")).append(" | ").append(c.get("failed"))
              .append(" | ").append(c.get("skipped")).append(" |\n");
        }
      });
    }
    md.append('\n');
  }

  /** Each topic's freshness split: ms from its last acknowledgement to the snapshot, the commit request, DuckDB. */
  private static void freshnessParts(StringBuilder md, Object parts) {
    if (!(parts instanceof Map<?, ?> topics) || topics.isEmpty()) {
      return;
    }
    md.append("| Freshness, ms after the last ack | snapshot made | commit request received | visible in DuckDB |\n")
        .append("| --- | ---: | ---: | ---: |\n");
    topics.forEach((topic, split) -> {
      if (split instanceof Map<?, ?> m) {
        md.append("| ").append(topic).append(" | ").append(m.get("snapshot_ms")).append(" | ")
            .append(m.containsKey("commit_request_ms") ? m.get("commit_request_ms") : "n/a").append(" | ")
            .append(m.get("visible_in_duckdb_ms")).append(" |\n");
      }
    });
    md.append('\n');
  }

  private static void table(StringBuilder md, String title, Object rows) {
    md.append("| ").append(title).append(" | ms |\n| --- | ---: |\n");
    if (rows instanceof Map<?, ?> map) {
      map.forEach((name, millis) -> md.append("| ").append(name).append(" | ").append(millis).append(" |\n"));
    }
    md.append('\n');
  }
}
