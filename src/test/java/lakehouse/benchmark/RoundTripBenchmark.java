package lakehouse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.report.RunReport;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw verify -Pbenchmark}: the round trip at each size of {@code lakehouse.benchmark.sizes}
 * on the chosen stack, side by side with Kafka's own producer benchmark and with DuckDB reading the
 * same Parquet files without the catalog. Figures go to {@code benchmark.json} and
 * {@code benchmark.md}, and only there: a benchmark run leaves run.json alone. The only assertions
 * are that every size ran to completion. Its settings are checked by the preflight, before the stack starts.
 */
@LakehouseSpec(writesRunReport = false)
class RoundTripBenchmark {

  @Test
  @SuppressWarnings("unchecked")
  void measureTheRoundTripAtEachSize(Lakehouse lakehouse, RunSettings settings, RunReport report) throws Exception {
    BenchmarkSettings benchmark = BenchmarkSettings.from(Settings.fromJvm());
    Path workDir = Files.createDirectories(settings.reportDir().resolve("benchmark-work"));
    Map<String, Long> stackStart = (Map<String, Long>) report.toMap().get("stack_start_ms");
    SizeBenchmark sizes = new SizeBenchmark(lakehouse, settings, workDir);
    List<SizeResult> results = new ArrayList<>();
    for (int size : benchmark.sizes()) {
      System.out.printf("[lakehouse] benchmark: %,d trades in %d batches%n", size, benchmark.batches());
      results.add(sizes.run(size, benchmark.batches(), stackStart));
      BenchmarkReport.write(settings.reportDir(), String.valueOf(report.toMap().get("banner")),
          BenchmarkReport.machine(), results);
    }
    System.out.println("[lakehouse] benchmark written to " + settings.reportDir().resolve("benchmark.md"));
    assertThat(results).hasSameSizeAs(benchmark.sizes());
  }
}
