package lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.IcebergTopics;
import org.junit.jupiter.api.Test;

/** What KafkaHandle refuses before it asks any stack to create an Iceberg topic. */
class KafkaHandleTest {
  private static final JsonSchema TRADES = JsonSchema.fromResource("schemas/trades.schema.json");

  /** Records what the stack was asked to create; these tests are about what never reaches it. */
  private final List<String> created = new ArrayList<>();
  private final KafkaHandle kafka = new KafkaHandle(new Endpoints.Kafka("127.0.0.1:9", Map.of()), new IcebergTopics() {
    @Override
    public void create(IcebergTopic topic) {
      created.add(topic.name());
    }

    @Override
    public void evolve(String topic, JsonSchema newSchema) {}

    @Override
    public Duration schemaCacheTtl() {
      return Duration.ZERO;
    }

    @Override
    public void delete(String topic) {}
  });

  @Test
  void aPartitionSpecNamingAColumnTheTableLacksIsRefusedBeforeTheTopicExists() {
    assertThatThrownBy(() -> kafka.createIcebergTopic(IcebergTopic.of("trades", TRADES).withPartitionSpec("(bucket(4, venue))")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Iceberg topic trades is not created: partition spec (bucket(4, venue)) does not fit the table")
        .hasMessageContaining("venue")
        .hasMessageContaining("stall at its first record");
    assertThat(created).isEmpty();
  }

  @Test
  void aPartitionSpecRedpandaCannotParseIsRefusedBeforeTheTopicExists() {
    assertThatThrownBy(() -> kafka.createIcebergTopic(IcebergTopic.of("trades", TRADES).withPartitionSpec("(hour(")))
        .hasMessageContaining("is not one Redpanda accepts");
    assertThat(created).isEmpty();
  }

  @Test
  void aPartitionSpecOverTheSchemasColumnsOrTheRedpandaStructIsCreated() {
    kafka.createIcebergTopic(IcebergTopic.of("trades", TRADES).withPartitionSpec("(symbol, day(redpanda.timestamp))"));

    assertThat(created).containsExactly("trades");
  }
}
