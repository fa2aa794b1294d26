package lakehouse.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The benchmark's pictures, drawn with XChart: freshness by size, throughput by size, and the
 * timeline of the largest run. Each chart has one y axis with its unit, so series of different
 * units never share a scale. Several sizes are lines over a logarithmic size axis; a single size
 * has no line to draw, so it is a group of bars.
 */
final class BenchmarkCharts {
  static final String FRESHNESS_CHART = "benchmark-freshness";
  static final String THROUGHPUT_CHART = "benchmark-throughput";
  static final String TIMELINE_CHART = "benchmark-timeline";
  static final String FRESHNESS_PARTS_CHART = "benchmark-freshness-parts";
  private static final int WIDTH = 900;
  private static final int HEIGHT = 500;

  private BenchmarkCharts() {}

  static void write(List<SizeResult> results, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    save(freshness(results), dir.resolve(FRESHNESS_CHART));
    save(throughput(results), dir.resolve(THROUGHPUT_CHART));
    save(timeline(results.get(results.size() - 1)), dir.resolve(TIMELINE_CHART));
    save(freshnessParts(results), dir.resolve(FRESHNESS_PARTS_CHART));
  }

  static Chart<?, ?> freshness(List<SizeResult> results) {
    Map<String, ToDoubleFunction<SizeResult>> series = new LinkedHashMap<>();
    series.put("freshness p50", SizeResult::freshnessMsP50);
    series.put("freshness max", SizeResult::freshnessMsMax);
    series.put("commit interval", SizeResult::commitIntervalMs);
    return bySize("Freshness: last acknowledgement until DuckDB sees every row", "milliseconds", results, series);
  }

  static Chart<?, ?> throughput(List<SizeResult> results) {
    Map<String, ToDoubleFunction<SizeResult>> series = new LinkedHashMap<>();
    series.put("ingest into the Iceberg topic", SizeResult::ingestRecordsPerS);
    series.put("same producer into a plain topic", SizeResult::ingestPlainTopicRecordsPerS);
    series.put("Kafka ProducerPerformance", SizeResult::kafkaPerfRecordsPerS);
    return bySize("Ingest throughput", "records per second", results, series);
  }

  private static Chart<?, ?> bySize(String title, String unit, List<SizeResult> results,
      Map<String, ToDoubleFunction<SizeResult>> series) {
    if (results.size() == 1) {
      CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
          .xAxisTitle("trades per run").yAxisTitle(unit).build();
      CategoryStyler styler = chart.getStyler();
      styler.setLegendPosition(Styler.LegendPosition.OutsideS);
      styler.setYAxisDecimalPattern("#,###");
      styler.setYAxisMin(0.0);
      styler.setLabelsVisible(true);
      List<String> size = List.of(String.format("%,d", results.get(0).trades()));
      series.forEach((name, value) -> chart.addSeries(name, size, List.of(value.applyAsDouble(results.get(0)))));
      return chart;
    }
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("trades per run (logarithmic)").yAxisTitle(unit).build();
    XYStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setXAxisLogarithmic(true);
    styler.setXAxisDecimalPattern("#,###");
    styler.setYAxisDecimalPattern("#,###");
    styler.setYAxisMin(0.0);
    double[] sizes = results.stream().mapToDouble(SizeResult::trades).toArray();
    series.forEach((name, value) -> chart.addSeries(name, sizes, results.stream().mapToDouble(value).toArray()));
    return chart;
  }

  /**
   * Each batch's freshness as a stacked bar of its parts: until the writer made the snapshot, until the
   * catalog received its commit (where the stack can tell), and until DuckDB saw every row.
   */
  static CategoryChart freshnessParts(List<SizeResult> results) {
    CategoryChart chart = new CategoryChartBuilder().width(1100).height(HEIGHT)
        .title("Freshness of each batch, in parts").xAxisTitle("batch (trades per run #batch)")
        .yAxisTitle("ms after the last acknowledgement").build();
    CategoryStyler styler = chart.getStyler();
    styler.setStacked(true);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setYAxisDecimalPattern("#,###");
    styler.setXAxisLabelRotation(45);
    List<String> batches = new java.util.ArrayList<>();
    List<Double> toSnapshot = new java.util.ArrayList<>();
    List<Double> toRequest = new java.util.ArrayList<>();
    List<Double> toVisible = new java.util.ArrayList<>();
    for (SizeResult result : results) {
      for (int i = 0; i < result.freshnessParts().size(); i++) {
        lakehouse.pipeline.FreshnessParts parts = result.freshnessParts().get(i);
        long request = parts.commitRequestMs() == null ? parts.snapshotMs() : parts.commitRequestMs();
        batches.add(String.format("%,d #%d", result.trades(), i + 1));
        toSnapshot.add((double) Math.max(0, parts.snapshotMs()));
        toRequest.add((double) Math.max(0, request - Math.max(0, parts.snapshotMs())));
        toVisible.add((double) Math.max(0, parts.visibleMs() - Math.max(request, parts.snapshotMs())));
      }
    }
    chart.addSeries("writer: last ack until the snapshot is made", batches, toSnapshot);
    chart.addSeries("until the catalog receives the commit (embedded only)", batches, toRequest);
    chart.addSeries("until DuckDB counts every row", batches, toVisible);
    return chart;
  }

  /** Each stage as a bar from its start to its end, one row per stage, first stage at the top. */
  static XYChart timeline(SizeResult result) {
    XYChart chart = new XYChartBuilder().width(1100).height(650)
        .title(String.format("Timeline of the %,d-trade run", result.trades()))
        .xAxisTitle("seconds since the run started").yAxisTitle("stages in order, first at the top").build();
    // Row numbers mean nothing to a reader: the legend names each row, in the same order.
    XYStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setMarkerSize(0);
    styler.setYAxisTicksVisible(false);
    List<Timeline.Span> spans = result.timeline();
    for (int i = 0; i < spans.size(); i++) {
      Timeline.Span span = spans.get(i);
      double row = spans.size() - i;
      XYSeries bar = chart.addSeries(String.format("%s (%,d ms)", span.stage(), span.millis()),
          new double[] {span.startMs() / 1000.0, Math.max(span.endMs(), span.startMs() + 1) / 1000.0},
          new double[] {row, row});
      // Solid bars (XChart dashes series after its twelfth), one colour per kind of batch step.
      bar.setLineStyle(new BasicStroke(8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      Color kind = colourOf(span.stage());
      if (kind != null) {
        bar.setLineColor(kind);
      }
    }
    return chart;
  }

  /** Every batch's produce, commit and visibility steps share a colour per step, so the batches read as a rhythm. */
  private static Color colourOf(String stage) {
    if (stage.startsWith("produce batch")) {
      return new Color(0x2e, 0x7d, 0x32);
    }
    if (stage.startsWith("commit batch")) {
      return new Color(0xc6, 0x28, 0x28);
    }
    if (stage.startsWith("visible in DuckDB")) {
      return new Color(0xef, 0x8f, 0x00);
    }
    return null;
  }

  private static void save(Chart<?, ?> chart, Path file) throws IOException {
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
