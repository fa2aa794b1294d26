package lakehouse.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import lakehouse.DuckDbHandle;
import lakehouse.KafkaHandle;
import lakehouse.junit.LakehouseSpec;
import lakehouse.report.SecretScan;
import lakehouse.report.WebConsoles;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import lakehouse.stack.containers.ContainerImages;
import lakehouse.stack.containers.RedpandaConsoleConfig;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code lakehouse.keep-running=true} leaves the stack up after the spec, with its endpoints in
 * {@code endpoints.json} and a Redpanda Console configuration beside it; a second client reaches the
 * tables through them; SIGTERM then stops everything and leaves no process or file behind.
 */
@LakehouseSpec
@Order(101)
class KeepRunningSpec {
  private static final int TRADES = 1_000;
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  void aKeptStackServesItsPrintedEndpointsAndStopsCleanlyOnSigterm(RunSettings settings) throws Exception {
    Path reportDir = settings.reportDir().resolve("keep-running");
    Files.deleteIfExists(reportDir.resolve("endpoints.json"));
    Path consoleConfig = reportDir.resolve(WebConsoles.CONFIG_FILE_NAME).toAbsolutePath();
    Files.deleteIfExists(consoleConfig);
    ChildSettings child = new ChildSettings(settings, "embedded", reportDir)
        .with(RunSettings.KEEP_RUNNING, "true")
        .with(RunSettings.TRADES, Integer.toString(TRADES));

    try (ChildJvm jvm = ChildJvm.runSpec("keep-running", child.systemProperties, child.environment, reportDir,
        ExternalStackSpec.JSON_ROUND_TRIP)) {
      // The child prints this line after endpoints.json is in place and every command is printed.
      await("the kept-running stack to print its endpoints").atMost(TIMEOUT)
          .until(() -> jvm.output().contains("endpoints written to") || !jvm.isAlive());
      assertThat(jvm.isAlive()).as("the child still runs after the spec (%s); its output:%n%s", jvm.logs(), jvm.output())
          .isTrue();
      assertThat(jvm.output()).contains("kcat -b", "duckdb -cmd", "endpoints written to");

      Endpoints endpoints = readEndpoints(reportDir.resolve("endpoints.json"));
      // The embedded stack runs no Console: it prints where Console's configuration is and how to start it.
      assertThat(jvm.output()).contains("redpanda console config:\n    " + consoleConfig + "\n",
          "docker run --rm --network host -v '" + consoleConfig + "':" + RedpandaConsoleConfig.FILE_IN_CONTAINER
              + ":ro -e CONFIG_FILEPATH=" + RedpandaConsoleConfig.FILE_IN_CONTAINER + " "
              + ContainerImages.pinned().redpandaConsole());
      assertThat(consoleConfig).exists();
      assertThat(Files.readString(consoleConfig)).as("Redpanda Console's configuration")
          .contains("brokers: [\"" + endpoints.kafka().bootstrapServers() + "\"]", endpoints.connectUrl(),
              "urls: [\"" + endpoints.schemaRegistryUrl() + "\"]")
          .as("the embedded stack has no Admin API").doesNotContain("adminApi");
      assertThat(new KafkaHandle(endpoints.kafka(), null).recordCount("trades")).isEqualTo(TRADES);
      try (DuckDbHandle duckdb = DuckDbHandle.connectTo(endpoints, settings.duckDbExtensionDir())) {
        assertThat(duckdb.count("trades")).as("trades a second DuckDB reads through endpoints.json").isEqualTo(TRADES);
      }

      jvm.terminate(Duration.ofMinutes(1));
      assertThat(jvm.leftoverProcesses()).as("processes left running; %s", jvm.logs()).isEmpty();
      assertThat(jvm.leftoverFiles()).as("files left in the child's temporary directory; %s", jvm.logs()).isEmpty();
      assertThat(SecretScan.filesContaining(Path.of("target"), Map.of(
          "the kept stack's S3 secret key", endpoints.s3().secretKey(),
          "the kept stack's catalog client secret", endpoints.catalog().clientSecret())))
          .as("files under target/ that hold a credential of the kept stack").isEmpty();
    }
  }

  /** A second client's view: the non-secret settings from endpoints.json plus the credentials file it names. */
  private static Endpoints readEndpoints(Path file) throws Exception {
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    Map<String, String> properties = new HashMap<>();
    json.path("settings").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    Map<String, String> environment = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(json.path("credentials_file").asText()))) {
      int eq = line.indexOf('=');
      environment.put(line.substring(0, eq), line.substring(eq + 2, line.length() - 1));
    }
    return ExternalSettings.endpoints(new Settings(properties, environment));
  }
}
