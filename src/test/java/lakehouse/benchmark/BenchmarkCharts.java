package lakehouse.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** The benchmark's two pictures, drawn with XChart: freshness and throughput by size, and one run's timeline. */
final class BenchmarkCharts {
  static final String SIZES_CHART = "benchmark-by-size";
  static final String TIMELINE_CHART = "benchmark-timeline";

  private BenchmarkCharts() {}

  static void write(List<SizeResult> results, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BitmapEncoder.saveBitmap(bySize(results), dir.resolve(SIZES_CHART).toString(), BitmapEncoder.BitmapFormat.PNG);
    SizeResult largest = results.get(results.size() - 1);
    BitmapEncoder.saveBitmap(timeline(largest), dir.resolve(TIMELINE_CHART).toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** Freshness (left axis, ms) and throughput (right axis, records/s) against trades, on a log scale. */
  static XYChart bySize(List<SizeResult> results) {
    XYChart chart = new XYChartBuilder().width(900).height(500)
        .title("Freshness and throughput by size").xAxisTitle("trades per run (log)").build();
    chart.getStyler().setXAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.setYAxisGroupTitle(0, "freshness, ms");
    chart.setYAxisGroupTitle(1, "records per second");
    double[] sizes = results.stream().mapToDouble(SizeResult::trades).toArray();
    chart.addSeries("freshness p50", sizes, results.stream().mapToDouble(SizeResult::freshnessMsP50).toArray());
    chart.addSeries("freshness max", sizes, results.stream().mapToDouble(SizeResult::freshnessMsMax).toArray());
    chart.addSeries("commit interval", sizes, results.stream().mapToDouble(SizeResult::commitIntervalMs).toArray());
    XYSeries ingest = chart.addSeries("ingest", sizes, results.stream().mapToDouble(SizeResult::ingestRecordsPerS).toArray());
    XYSeries perf = chart.addSeries("Kafka ProducerPerformance", sizes,
        results.stream().mapToDouble(SizeResult::kafkaPerfRecordsPerS).toArray());
    ingest.setYAxisGroup(1);
    perf.setYAxisGroup(1);
    return chart;
  }

  /** Each stage as a bar from its start to its end, one row per stage, in run order. */
  static XYChart timeline(SizeResult result) {
    XYChart chart = new XYChartBuilder().width(1100).height(600)
        .title("Timeline of one run: " + result.trades() + " trades").xAxisTitle("seconds since the run started")
        .yAxisTitle("stage (in order)").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(0);
    List<Timeline.Span> spans = result.timeline();
    for (int i = 0; i < spans.size(); i++) {
      Timeline.Span span = spans.get(i);
      double row = spans.size() - i;
      XYSeries bar = chart.addSeries(span.stage() + " (" + span.millis() + " ms)",
          new double[] {span.startMs() / 1000.0, Math.max(span.endMs(), span.startMs() + 1) / 1000.0},
          new double[] {row, row});
      bar.setLineWidth(8f);
    }
    return chart;
  }
}
