package lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import lakehouse.stack.Endpoints;
import lakehouse.stack.MonitoringUis;
import lakehouse.stack.SaslJaas;
import lakehouse.stack.containers.ContainerImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebConsolesTest {
  private static final String IMAGE = ContainerImages.pinned().redpandaConsole();
  private static final Endpoints.Catalog CATALOG = new Endpoints.Catalog("http://127.0.0.1:38181/catalog", "",
      "lakehouse", "catalog-secret", "http://127.0.0.1:38181/catalog/v1/oauth/tokens", null);
  private static final Endpoints.S3 S3 = new Endpoints.S3("http://127.0.0.1:38000", "us-east-1", "access",
      "s3-secret", true);
  /** As the embedded stack has them: Kafka and Kafka Connect on 127.0.0.1, no Schema Registry. */
  private static final Endpoints EMBEDDED = new Endpoints(new Endpoints.Kafka("127.0.0.1:39092", Map.of()), null,
      CATALOG, S3, "redpanda", "http://127.0.0.1:38083");
  private static final Endpoints EXTERNAL_WITH_SASL = new Endpoints(
      new Endpoints.Kafka("broker-1.example:9092, broker-2.example:9092", Map.of(
          "security.protocol", "SASL_SSL",
          "sasl.mechanism", "SCRAM-SHA-512",
          "sasl.jaas.config", SaslJaas.config("SCRAM-SHA-512", "alice", "kafka-secret"),
          "ssl.truststore.location", "/etc/kafka/truststore.jks")),
      "https://sr-user:sr-secret@registry.example:8081", CATALOG, S3, "redpanda");

  @TempDir
  Path reportDir;

  @Test
  void forTheEmbeddedStackConsoleGetsKafkaAndKafkaConnectOnlyAndServesOnLoopback() throws Exception {
    WebConsoles consoles = WebConsoles.toStartYourself(EMBEDDED, Optional.empty(), IMAGE, reportDir);
    consoles.write();

    Path file = reportDir.resolve("redpanda-console.yaml").toAbsolutePath();
    JsonNode config = new YAMLMapper().readTree(file.toFile());
    assertThat(config.path("kafka").path("brokers").get(0).asText()).isEqualTo("127.0.0.1:39092");
    assertThat(config.path("kafka").path("brokers")).hasSize(1);
    assertThat(config.has("schemaRegistry")).as("the embedded stack has no Schema Registry").isFalse();
    assertThat(config.has("redpanda")).as("nor a Redpanda Admin API").isFalse();
    assertThat(config.path("kafkaConnect").path("clusters").get(0).path("url").asText()).isEqualTo("http://127.0.0.1:38083");
    assertThat(config.path("server").path("listenAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(config.path("server").path("listenPort").asInt()).isEqualTo(8080);

    assertThat(consoles.entries()).containsEntry("redpanda console config", file.toString());
    assertThat(consoles.entries().get("redpanda console, to start yourself"))
        .startsWith("docker run --rm --network host -v '" + file + "':/etc/redpanda/redpanda-console-config.yaml:ro"
            + " -e CONFIG_FILEPATH=/etc/redpanda/redpanda-console-config.yaml"
            + " docker.redpanda.com/redpandadata/console:v3.3.1   # then open http://127.0.0.1:8080")
        .contains("-config.filepath=" + file)
        .doesNotContain("KAFKA_SASL_PASSWORD");
  }

  @Test
  void forAnExternalClusterWithSaslTheLoginIsInTheFileAndThePasswordComesFromTheCredentials() throws Exception {
    WebConsoles consoles = WebConsoles.toStartYourself(EXTERNAL_WITH_SASL,
        Optional.of("http://broker-1.example:9644"), IMAGE, reportDir);
    consoles.write();

    String yaml = Files.readString(reportDir.resolve("redpanda-console.yaml"));
    JsonNode config = new YAMLMapper().readTree(yaml);
    assertThat(config.path("kafka").path("brokers").toString()).isEqualTo("[\"broker-1.example:9092\",\"broker-2.example:9092\"]");
    assertThat(config.path("kafka").path("sasl").path("mechanism").asText()).isEqualTo("SCRAM-SHA-512");
    assertThat(config.path("kafka").path("sasl").path("username").asText()).isEqualTo("alice");
    assertThat(config.path("kafka").path("tls").path("enabled").asBoolean()).isTrue();
    assertThat(config.path("schemaRegistry").path("urls").get(0).asText()).isEqualTo("https://registry.example:8081");
    assertThat(config.path("redpanda").path("adminApi").path("urls").get(0).asText()).isEqualTo("http://broker-1.example:9644");
    assertThat(config.has("kafkaConnect")).isFalse();
    assertThat(yaml).doesNotContain("kafka-secret", "sr-secret", "sr-user")
        .contains("schemaRegistry.authentication.basic.username/password", "/etc/kafka/truststore.jks");
    assertThat(consoles.entries().get("redpanda console, to start yourself"))
        .contains(" -e KAFKA_SASL_PASSWORD=\"$LAKEHOUSE_KAFKA_SASL_PASSWORD\" docker.redpanda.com/redpandadata/console:v3.3.1")
        .doesNotContain("kafka-secret");
  }

  @Test
  void theContainersStacksOwnUisAreListedWithMiniosLoginFromTheCredentialsFile() throws Exception {
    Path credentials = reportDir.resolve("credentials.env");
    WebConsoles consoles = WebConsoles.running(
        new MonitoringUis("http://localhost:32790", "http://localhost:32772", "lakehouse"), credentials);
    consoles.write();

    assertThat(consoles.entries()).containsEntry("redpanda console", "http://localhost:32790");
    assertThat(consoles.entries().get("minio console")).isEqualTo("http://localhost:32772   # log in as lakehouse,"
        + " password $LAKEHOUSE_S3_SECRET_KEY from " + credentials);
    assertThat(reportDir).isEmptyDirectory();
  }

  @Test
  void endpointsJsonListsTheUisAndTheConsoleConfigLiesNextToItWithoutASecret() throws Exception {
    Path credentials = Files.createTempDirectory("credentials").resolve("credentials.env");
    EndpointsReport report = new EndpointsReport("embedded", EMBEDDED, credentials,
        WebConsoles.toStartYourself(EMBEDDED, Optional.empty(), IMAGE, reportDir));
    try {
      Path endpoints = report.write(reportDir);

      JsonNode json = new ObjectMapper().readTree(endpoints.toFile());
      assertThat(json.path("monitoring").path("redpanda console config").asText())
          .isEqualTo(reportDir.resolve("redpanda-console.yaml").toAbsolutePath().toString());
      assertThat(reportDir.resolve("redpanda-console.yaml")).exists();
      assertThat(report.describe()).contains("[lakehouse] redpanda console, to start yourself:\n    docker run --rm");
      assertThat(SecretScan.filesContaining(reportDir, Map.of("catalog", "catalog-secret", "s3", "s3-secret"))).isEmpty();
    } finally {
      Files.deleteIfExists(credentials);
      Files.deleteIfExists(credentials.getParent());
    }
  }
}
