package lakehouse.stack.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergTopic;
import org.junit.jupiter.api.Test;

/** The connector configurations the suite submits to Kafka Connect hold no secret, only placeholders. */
class SinkConnectorSecretsTest {
  private static final Endpoints ENDPOINTS = new Endpoints(
      new Endpoints.Kafka("127.0.0.1:9092", Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
          "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"writer\""
              + " password=\"sasl-password-value\";",
          "ssl.truststore.location", "/etc/kafka/truststore.jks", "ssl.truststore.password", "truststore-password-value")),
      null,
      new Endpoints.Catalog("http://127.0.0.1:8181/api/catalog", "", "lakehouse", "catalog-secret-value",
          "http://127.0.0.1:8181/api/catalog/v1/oauth/tokens", "catalog"),
      new Endpoints.S3("http://127.0.0.1:9000", "us-east-1", "lakehouse", "s3-secret-value", true),
      "redpanda", "http://127.0.0.1:8083", "/tmp/lakehouse-embedded-x/connect-secrets/connect-secrets.properties");

  @Test
  void neitherTheTranslationNorTheDeadLetterConnectorHoldsASecretValue() {
    SinkConnectorConfigs configs = new SinkConnectorConfigs(ENDPOINTS, Duration.ofSeconds(1));
    IcebergTopic trades = IcebergTopic.of("trades", JsonSchema.fromResource("schemas/trades.schema.json"));

    for (Map<String, String> config : List.of(configs.translation(trades, trades.valueSchema()), configs.deadLetter(trades))) {
      assertThat(config.values()).noneMatch(value -> value.contains("catalog-secret-value") || value.contains("s3-secret-value")
          || value.contains("sasl-password-value") || value.contains("truststore-password-value"));
      assertThat(config.get("iceberg.kafka.sasl.jaas.config")).contains("password=\"${file:");
      assertThat(config.get("iceberg.kafka.ssl.truststore.password")).startsWith("${file:");
      for (String prefix : List.of("iceberg.catalog.", "transforms.table.catalog.")) {
        assertThat(config.get(prefix + "s3.secret-access-key")).startsWith("${file:");
        assertThat(config.get(prefix + "credential")).startsWith("lakehouse:${file:");
      }
    }
  }
}
