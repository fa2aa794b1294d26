package lakehouse.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Producing;
import lakehouse.pipeline.Visibility;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.RunSettings;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * When an Iceberg topic's tables come and go (docs/redpanda-contract.md §4, §8): none at creation; the
 * dead-letter table at the first invalid record, the table at the first translated one
 * (record_multiplexer.cc, datalake_dlq_test.py); both dropped with the topic, as
 * {@code redpanda.iceberg.delete} does by default (about-iceberg-topics.adoc; coordinator.cc). The
 * topic's own {@code redpanda.iceberg.partition.spec} shapes its table, while the dead-letter table
 * keeps the cluster default (coordinator.cc, dlq_table_schema_provider::get_partition_spec).
 */
@LakehouseSpec
@Order(12)
class IcebergTopicLifecycleSpec {
  private static final JsonSchema SCHEMA = JsonSchema.parse("""
      {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"n": {"type": "integer"}}}""");

  @Test
  @Order(1)
  void tablesAppearAtTheirFirstRecordAndGoWithTheTopic(Lakehouse lakehouse, RunSettings settings) throws Exception {
    String topic = lakehouse.topic("lifecycle");
    String deadLetters = IcebergTypes.deadLetterTable(topic);
    lakehouse.kafka().createIcebergTopic(IcebergTopic.of(topic, SCHEMA).withPartitions(1).withPartitionSpec("(n)"));

    assertThat(lakehouse.catalog().tableExists(topic)).as("%s before any record", topic).isFalse();
    assertThat(lakehouse.catalog().tableExists(deadLetters)).as("%s before any record", deadLetters).isFalse();

    send(lakehouse, topic, "{\"n\": 1.5}");
    Visibility.awaitCommitted(lakehouse, settings, deadLetters, 1);
    assertThat(lakehouse.catalog().tableExists(topic)).as("%s while every record was invalid", topic).isFalse();

    send(lakehouse, topic, "{\"n\": 2}");
    Visibility.awaitCommitted(lakehouse, settings, topic, 1);
    assertThat(partitioning(lakehouse.catalog().table(topic))).as("partition spec of %s", topic)
        .containsExactly("identity(n)");
    assertThat(partitioning(lakehouse.catalog().table(deadLetters))).as("partition spec of %s", deadLetters)
        .containsExactly("hour(redpanda.timestamp)");

    lakehouse.kafka().deleteIcebergTopic(topic);
    await(topic + " and " + deadLetters + " to be dropped with their topic")
        .atMost(settings.visibilityTimeout()).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> !lakehouse.catalog().tableExists(topic) && !lakehouse.catalog().tableExists(deadLetters));
  }

  private static List<String> partitioning(Table table) {
    return table.spec().fields().stream()
        .map(field -> field.transform() + "(" + table.schema().findColumnName(field.sourceId()) + ")").toList();
  }

  private static void send(Lakehouse lakehouse, String topic, String value) {
    assertThat(Producing.sendAll(lakehouse.kafka(), topic, List.of(value), v -> null,
        v -> v.getBytes(StandardCharsets.UTF_8)).failures()).isEmpty();
  }
}
