package lakehouse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lakehouse.pipeline.FreshnessParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

class BenchmarkChartsTest {
  private static final List<SizeResult> THREE_SIZES = List.of(size(10_000, 1_231, 5_331), size(100_000, 1_143, 2_528),
      size(1_000_000, 3_174, 4_598));

  @Test
  void aSingleSizeIsDrawnAsBarsWithLabelledAxes() {
    Chart<?, ?> freshness = BenchmarkCharts.freshness(List.of(THREE_SIZES.get(0)));

    assertThat(freshness).isInstanceOf(CategoryChart.class);
    assertThat(freshness.getXAxisTitle()).isEqualTo("trades per run");
    assertThat(freshness.getYAxisTitle()).isEqualTo("milliseconds");
    assertThat(freshness.getSeriesMap()).containsOnlyKeys("freshness p50", "freshness max", "commit interval");
  }

  @Test
  void severalSizesAreLinesOverALogarithmicSizeAxisWithOneUnitPerChart() {
    XYChart throughput = (XYChart) BenchmarkCharts.throughput(THREE_SIZES);

    assertThat(throughput.getStyler().isXAxisLogarithmic()).isTrue();
    assertThat(throughput.getYAxisTitle()).isEqualTo("records per second");
    assertThat(throughput.getSeriesMap().values()).allSatisfy(series -> assertThat(series.getYAxisGroup()).isZero());
    assertThat(throughput.getSeriesMap()).hasSize(3);
  }

  @Test
  void everyChartIsWrittenForOneSizeAndForMany(@TempDir Path dir) throws Exception {
    for (List<SizeResult> results : List.of(List.of(THREE_SIZES.get(0)), THREE_SIZES)) {
      BenchmarkCharts.write(results, dir);
      for (String chart : List.of(BenchmarkCharts.FRESHNESS_CHART, BenchmarkCharts.THROUGHPUT_CHART, BenchmarkCharts.TIMELINE_CHART,
          BenchmarkCharts.FRESHNESS_PARTS_CHART)) {
        assertThat(dir.resolve(chart + ".png")).isNotEmptyFile();
      }
      // A copy to look at after the build: target/chart-preview/<n>-sizes/.
      Path out = Files.createDirectories(Path.of("target", "chart-preview", results.size() + "-sizes"));
      for (Path png : Files.list(dir).toList()) {
        Files.copy(png, out.resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Test
  void eachBatchsFreshnessIsAStackOfItsPartsThatAddsUpToTheWhole() {
    CategoryChart parts = BenchmarkCharts.freshnessParts(THREE_SIZES);

    assertThat(parts.getStyler().isStacked()).isTrue();
    assertThat(parts.getYAxisTitle()).isEqualTo("ms after the last acknowledgement");
    double firstBatch = parts.getSeriesMap().values().stream().mapToDouble(series -> series.getYData().iterator().next()
        .doubleValue()).sum();
    assertThat(firstBatch).as("the three parts of the first batch").isEqualTo(1_231);
  }

  private static SizeResult size(int trades, long p50, long max) {
    List<Timeline.Span> timeline = new java.util.ArrayList<>(List.of(new Timeline.Span("kafka ProducerPerformance", 0, 2_100),
        new Timeline.Span("ingest into a plain topic", 2_100, 2_900), new Timeline.Span("create Iceberg topic", 2_900, 3_600)));
    for (int batch = 1; batch <= 5; batch++) {
      long start = 3_600 + (batch - 1) * 2_000L;
      timeline.add(new Timeline.Span("produce batch " + batch, start, start + 200));
      timeline.add(new Timeline.Span("commit batch " + batch, start + 200, start + 1_600));
      timeline.add(new Timeline.Span("visible in DuckDB " + batch, start + 1_600, start + 2_000));
    }
    timeline.add(new Timeline.Span("DuckDB query via REST catalog ×5", 13_600, 13_800));
    List<FreshnessParts> parts = List.of(new FreshnessParts(p50 - 300, p50 - 250, p50), new FreshnessParts(max - 900, null, max));
    return new SizeResult(trades, trades * 2.1, trades * 1.9, trades * 2.4, p50, max, List.of(p50, max), parts, 1_000, 1_200,
        16, 16,
        3, 6_500, Map.of(), 400, new CpuBudget.Budget(5_000, 2, 8_000, 2_000, 100, 3_000, Map.of("Parquet encoding", 40)),
        timeline);
  }
}
