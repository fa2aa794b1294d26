package lakehouse.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.junit.SpecRunner;
import lakehouse.pipeline.Pipeline;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.RunSettings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The external stack, proven on real endpoints: the whole round-trip spec runs in a second JVM
 * with {@code lakehouse.stack=external}, configured only by settings that describe this run's stack.
 */
@LakehouseSpec
@Order(100)
class ExternalStackSpec {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  /**
   * The five stages, in the default format: what the external stack (and a kept stack) proves is the path through
   * settings, the same for every format; the Avro and Protobuf round trips run on it through ConnectPluginSpec.
   */
  static final ChildJvm.Options JSON_ROUND_TRIP = new ChildJvm.Options(Stream.of(
      "IngestSpec", "SnapshotSpec", "QuerySpec", "PublishSpec", "RoundTripSpec")
      .map(spec -> SpecRunner.SPEC_PACKAGE + "." + spec).toList(), false);

  @Test
  void theSpecPassesAgainstThisStackGivenAsExternalSettings(Lakehouse lakehouse, RunSettings settings) throws Exception {
    Path reportDir = settings.reportDir().resolve("external");
    String runId = "spec" + ProcessHandle.current().pid();
    ChildSettings child = new ChildSettings(settings, "external", reportDir)
        .withAll(ExternalSettings.describe(lakehouse.endpoints()))
        .with(ExternalSettings.RUN_ID, runId)
        .with(RunSettings.TRADES, Integer.toString(settings.trades()));

    try (ChildJvm jvm = ChildJvm.runSpec("external", child.systemProperties, child.environment, reportDir,
        JSON_ROUND_TRIP)) {
      await("the spec to finish against external settings").atMost(RUN_TIMEOUT).until(() -> !jvm.isAlive());

      assertThat(jvm.process().exitValue()).as("exit code of the external run (%s); its output:%n%s", jvm.logs(), jvm.output())
          .isZero();
      JsonNode run = new ObjectMapper().readTree(reportDir.resolve("run.json").toFile());
      assertThat(run.path("stack").asText()).isEqualTo("external");
      assertThat(run.path("banner").asText()).contains("_" + runId);
    }
    String tradesTable = Pipeline.TRADES + "_" + runId;
    assertThat(lakehouse.catalog().committedRecordCount(tradesTable))
        .as("run-scoped table %s, read by this JVM's own catalog client", tradesTable)
        .isEqualTo(settings.trades());
    assertThat(lakehouse.catalog().committedRecordCount(Pipeline.TRADE_ANALYTICS + "_" + runId)).isEqualTo(8);
  }
}
