package lakehouse.benchmark;

import java.util.List;

/** The human-readable benchmark: the table, the charts, and each target with whether it was met. */
final class BenchmarkMarkdown {
  private BenchmarkMarkdown() {}

  static String render(String banner, String machine, List<SizeResult> results) {
    StringBuilder md = new StringBuilder("# Lakehouse round-trip benchmark\n\n");
    md.append("- stack: ").append(banner).append("\n- machine: ").append(machine).append("\n\n");
    md.append("| trades | ingest rec/s | Kafka ProducerPerformance rec/s | ingest / Kafka | freshness p50 ms | freshness max ms "
        + "| commit interval ms | DuckDB via REST p50 ms | DuckDB on Parquet p50 ms | REST / Parquet | Parquet files "
        + "| round trip ms | peak heap MiB |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SizeResult r : results) {
      md.append(String.format("| %,d | %,.0f | %,.0f | %.2f | %,d | %,d | %,d | %,d | %,d | %.2f | %d | %,d | %,d |%n",
          r.trades(), r.ingestRecordsPerS(), r.kafkaPerfRecordsPerS(), r.ingestRecordsPerS() / r.kafkaPerfRecordsPerS(),
          r.freshnessMsP50(), r.freshnessMsMax(), r.commitIntervalMs(), r.duckdbQueryMsP50(), r.duckdbParquetMsP50(),
          (double) r.duckdbQueryMsP50() / Math.max(1, r.duckdbParquetMsP50()), r.parquetFiles(), r.roundTripMs(), r.peakHeapMb()));
    }
    md.append("\nFreshness samples (ms, one per batch): ");
    results.forEach(r -> md.append(String.format("%,d trades %s; ", r.trades(), r.freshnessMs())));
    md.append("\n\n![freshness by size](").append(BenchmarkCharts.FRESHNESS_CHART).append(".png)\n\n");
    md.append(freshnessParts(results));
    md.append("![freshness of each batch, in parts](").append(BenchmarkCharts.FRESHNESS_PARTS_CHART).append(".png)\n\n");
    md.append("![ingest throughput by size](").append(BenchmarkCharts.THROUGHPUT_CHART).append(".png)\n\n");
    md.append("![timeline of the largest run](").append(BenchmarkCharts.TIMELINE_CHART).append(".png)\n\n");
    md.append(cpuBudgets(results));
    md.append("## Targets\n\n").append(Targets.render(results));
    return md.toString();
  }

  /** Where each size's CPU went while its batches ran (CpuBudget). */
  static String cpuBudgets(List<SizeResult> results) {
    StringBuilder md = new StringBuilder("## CPU while the batches ran\n\n| trades | wall ms | cores | process CPU ms"
        + " | of the cores | JIT compilation ms | GC ms | Iceberg sink task thread CPU ms | the task thread's samples |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (SizeResult r : results) {
      CpuBudget.Budget b = r.cpuBudget();
      md.append(String.format("| %,d | %,d | %d | %,d | %.0f%% | %,d | %,d | %,d | %s |%n", r.trades(), b.wallMs(), b.cores(),
          b.processCpuMs(), 100.0 * b.processCpuMs() / Math.max(1, b.wallMs() * b.cores()), b.jitMs(), b.gcMs(),
          b.writerCpuMs(), hotSpots(b)));
    }
    return md.append("\nThe task thread's samples are JFR execution samples every 10 ms inside the Iceberg sink task,"
        + " grouped by the first frame that names a component; docs/performance.md has the method.\n\n").toString();
  }

  static String hotSpots(CpuBudget.Budget b) {
    StringBuilder text = new StringBuilder();
    b.writerHotSpotsPercent().entrySet().stream().limit(5).forEach(e ->
        text.append(text.isEmpty() ? "" : ", ").append(e.getValue()).append("% ").append(e.getKey()));
    return text.isEmpty() ? "none" : text.toString();
  }

  /** Each batch's freshness split: ms from its last acknowledgement until each part was done. */
  static String freshnessParts(List<SizeResult> results) {
    StringBuilder md = new StringBuilder("| batch | snapshot made ms | commit request received ms | visible in DuckDB ms |\n"
        + "|---|---:|---:|---:|\n");
    for (SizeResult r : results) {
      for (int i = 0; i < r.freshnessParts().size(); i++) {
        lakehouse.pipeline.FreshnessParts parts = r.freshnessParts().get(i);
        md.append(String.format("| %,d #%d | %,d | %s | %,d |%n", r.trades(), i + 1, parts.snapshotMs(),
            parts.commitRequestMs() == null ? "n/a" : String.format("%,d", parts.commitRequestMs()), parts.visibleMs()));
      }
    }
    return md.append('\n').toString();
  }
}
