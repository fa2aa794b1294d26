package lakehouse.stack;

import java.util.Optional;
import java.util.OptionalInt;
import lakehouse.schema.JsonSchema;

/**
 * An Iceberg topic as Redpanda's topic properties describe it.
 *
 * @param partitions the Kafka partition count; empty for the cluster's default
 * @param partitionSpec {@code redpanda.iceberg.partition.spec}; empty for the cluster's default,
 *     {@code (hour(redpanda.timestamp))}
 * @param invalidRecords {@code redpanda.iceberg.invalid.record.action}
 */
public record IcebergTopic(String name, JsonSchema valueSchema, OptionalInt partitions,
    Optional<String> partitionSpec, InvalidRecordAction invalidRecords) {

  /** What happens to a record that cannot be translated. */
  public enum InvalidRecordAction {
    /** Redpanda's default: the record goes, whole, to the Iceberg table {@code <topic>~dlq}. */
    DLQ_TABLE("dlq_table"),
    /** The record is dropped, and no dead-letter table appears. */
    DROP("drop");

    private final String propertyValue;

    InvalidRecordAction(String propertyValue) {
      this.propertyValue = propertyValue;
    }

    /** The value of {@code redpanda.iceberg.invalid.record.action}. */
    public String propertyValue() {
      return propertyValue;
    }
  }

  /** The cluster's defaults for everything but the schema. */
  public static IcebergTopic of(String name, JsonSchema valueSchema) {
    return new IcebergTopic(name, valueSchema, OptionalInt.empty(), Optional.empty(), InvalidRecordAction.DLQ_TABLE);
  }

  public IcebergTopic withPartitions(int count) {
    return new IcebergTopic(name, valueSchema, OptionalInt.of(count), partitionSpec, invalidRecords);
  }

  public IcebergTopic withPartitionSpec(String spec) {
    return new IcebergTopic(name, valueSchema, partitions, Optional.of(spec), invalidRecords);
  }

  public IcebergTopic withInvalidRecords(InvalidRecordAction action) {
    return new IcebergTopic(name, valueSchema, partitions, partitionSpec, action);
  }
}
