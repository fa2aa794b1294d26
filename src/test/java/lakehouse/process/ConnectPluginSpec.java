package lakehouse.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.plugin.JsonSchemaConverter;
import lakehouse.plugin.RedpandaMetadata;
import lakehouse.plugin.SchemaRegistryConverter;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.RunSettings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Kafka Connect plugin archive, proven as built: a Connect worker in a JVM of its own, with
 * Kafka Connect and the Iceberg sink on its classpath but not this project's classes, loads the
 * converter and the transform from the unpacked archive on its {@code plugin.path}. The round-trip
 * spec then runs in a child JVM with {@code lakehouse.stack=external} and {@code lakehouse.connect.url}
 * pointing at that worker, against this stack's broker, catalog and store. Neither this worker's
 * connectors nor the stack's own hold a secret value: only config-provider placeholders.
 */
@LakehouseSpec
@Order(103)
class ConnectPluginSpec {
  /** Where {@code ./mvnw verify} tells the spec the archive is (pom.xml, failsafe). */
  static final String ARCHIVE_PROPERTY = "lakehouse.connect.plugin-archive";
  /** Enough trades to prove the plugin; the round trip's own size is proven by the main spec. */
  private static final int TRADES = 1_000;
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  @Test
  @Order(2)
  void theRoundTripPassesThroughAWorkerThatLoadsTheConverterAndTransformOnlyFromTheBuiltArchive(Lakehouse lakehouse,
      RunSettings settings) throws Exception {
    Path archive = archive();
    Path reportDir = settings.reportDir().resolve("connect-plugin");
    String runId = "plugin" + ProcessHandle.current().pid();
    int trades = Math.min(TRADES, settings.trades());

    try (ConnectWorkerJvm worker = ConnectWorkerJvm.start(archive, lakehouse.endpoints(), settings.commitInterval(),
        reportDir)) {
      assertThat(worker.classpath()).as("the worker's classpath").noneMatch(entry ->
          ConnectWorkerJvm.holds(Path.of(entry), ConnectWorkerJvm.PLUGIN_CLASS_FILE));
      assertThat(worker.pluginClasses()).as("plugins the worker loaded from %s", archive)
          .contains(JsonSchemaConverter.class.getName(), SchemaRegistryConverter.class.getName(),
              RedpandaMetadata.class.getName());

      Map<String, String> described = new HashMap<>(ExternalSettings.describe(lakehouse.endpoints()));
      described.remove(ExternalSettings.CONNECT_SECRETS_FILE); // this worker reads them from its environment
      ChildSettings child = new ChildSettings(settings, "external", reportDir)
          .withAll(described)
          .with(ExternalSettings.CONNECT_URL, worker.url())
          .with(ExternalSettings.RUN_ID, runId)
          .with(RunSettings.TRADES, Integer.toString(trades));
      try (ChildJvm jvm = ChildJvm.runSpec("connect-plugin", child.systemProperties, child.environment, reportDir)) {
        await("the spec to finish through the plugin's Connect worker").atMost(RUN_TIMEOUT).until(() -> !jvm.isAlive());

        assertThat(jvm.process().exitValue())
            .as("exit code of the run through %s; its output:%n%s%nthe worker's log: %s", worker.url(), jvm.output(),
                worker.log())
            .isZero();
        JsonNode run = new ObjectMapper().readTree(reportDir.resolve("run.json").toFile());
        assertThat(run.path("banner").asText()).contains("Kafka Connect at " + worker.url(), "_" + runId);
      }
      // The round trip in every format, so the Schema Registry modes ran on the plugin as built too.
      for (String format : List.of("", "_avro", "_protobuf")) {
        assertThat(lakehouse.catalog().committedRecordCount(Pipeline.TRADES + format + "_" + runId)).isEqualTo(trades);
        assertThat(lakehouse.catalog().committedRecordCount(Pipeline.TRADE_ANALYTICS + format + "_" + runId)).isEqualTo(8);
      }

      Map<String, List<Map<String, String>>> stored = worker.storedConfigs();
      assertThat(stored).as("the worker's connectors: a translation and a dead-letter one for each of the round"
          + " trip's two topics in each of three formats").hasSize(12);
      assertNoSecret(stored, lakehouse.endpoints());
      assertThat(stored.values()).allSatisfy(configs -> assertThat(configs.get(0))
          .containsEntry("iceberg.catalog.s3.secret-access-key", "${env:LAKEHOUSE_S3_SECRET_KEY}"));
    }
  }

  /** The stack's own Connect worker, where it has one, holds placeholders too (its file provider's). */
  @Test
  @Order(1)
  void theStacksOwnConnectorsHoldNoSecretEither(Lakehouse lakehouse, Pipeline pipeline) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(lakehouse.endpoints().connectUrl() != null,
        "the " + lakehouse.stack().settingValue() + " stack has no Kafka Connect worker of its own");
    pipeline.ingest();

    Map<String, List<Map<String, String>>> stored = ConnectRestConfigs.of(lakehouse.endpoints().connectUrl());

    assertThat(stored).as("the stack's connectors").isNotEmpty();
    assertNoSecret(stored, lakehouse.endpoints());
    assertThat(stored.values()).allSatisfy(configs -> assertThat(configs.get(0).get("iceberg.catalog.credential"))
        .startsWith(lakehouse.endpoints().catalog().clientId() + ":${file:"));
  }

  private static void assertNoSecret(Map<String, List<Map<String, String>>> stored, Endpoints endpoints) {
    List<String> secrets = List.of(endpoints.catalog().clientSecret(), endpoints.s3().secretKey());
    stored.forEach((connector, configs) -> configs.forEach(config -> config.forEach((key, value) ->
        assertThat(secrets).as("%s of connector %s", key, connector).noneMatch(value::contains))));
  }

  /** The archive {@code ./mvnw verify} built in its package phase, or the one in target/ for an IDE run. */
  static Path archive() throws IOException {
    String configured = System.getProperty(ARCHIVE_PROPERTY);
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    try (Stream<Path> built = Files.list(Path.of("target"))) {
      List<Path> archives = built.filter(path -> path.getFileName().toString().endsWith("-connect-plugin.zip")).toList();
      if (archives.size() == 1) {
        return archives.get(0);
      }
    } catch (java.nio.file.NoSuchFileException noTarget) {
      // reported below
    }
    throw new IllegalStateException("the Kafka Connect plugin archive (target/*-connect-plugin.zip"
        + (configured == null ? "" : ", or " + ARCHIVE_PROPERTY + "=" + configured) + ") was not built; build it with"
        + " ./mvnw package -DskipTests (./mvnw verify builds it before the spec)");
  }
}
