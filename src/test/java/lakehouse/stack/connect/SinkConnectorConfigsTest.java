package lakehouse.stack.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergTopic;
import org.junit.jupiter.api.Test;

/** What the sink connectors are told to read, as Redpanda reads an Iceberg topic. */
class SinkConnectorConfigsTest {
  private static final Endpoints ENDPOINTS = new Endpoints(new Endpoints.Kafka("127.0.0.1:9092", Map.of()), null,
      new Endpoints.Catalog("http://127.0.0.1:8181", "", "lakehouse", "secret", "http://127.0.0.1:8181/v1/oauth/tokens",
          "catalog"),
      new Endpoints.S3("http://127.0.0.1:9000", "us-east-1", "lakehouse", "secret", true), "redpanda",
      "http://127.0.0.1:8083", "/tmp/connect-secrets.properties");

  @Test
  void bothConnectorsReadOnlyCommittedRecordsAsRedpandaDoes() {
    SinkConnectorConfigs configs = new SinkConnectorConfigs(ENDPOINTS, Duration.ofSeconds(1));
    IcebergTopic trades = IcebergTopic.of("trades", JsonSchema.fromResource("schemas/trades.schema.json"));

    for (Map<String, String> config : List.of(configs.translation(trades, trades.valueSchema()), configs.deadLetter(trades))) {
      assertThat(config).containsEntry("consumer.override.isolation.level", "read_committed");
    }
  }
}
