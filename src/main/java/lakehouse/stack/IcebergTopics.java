package lakehouse.stack;

import java.time.Duration;
import lakehouse.schema.JsonSchema;

/**
 * Creates, evolves and deletes Iceberg topics: Kafka topics whose records a stack translates into the
 * Iceberg table {@code <namespace>.<topic>}, with columns derived from the value's schema (JSON Schema, Avro or
 * Protobuf) or, in {@code key_value}, the raw value, as Redpanda does
 * (docs/redpanda-contract.md). Tables appear at the first translated record, not before.
 */
public interface IcebergTopics {

  /** Returns once the topic accepts records and its translation into Iceberg is running. */
  void create(IcebergTopic topic);

  /** Makes {@code newSchema} the topic's latest value schema; records translated from then on use it. */
  void evolve(String topic, JsonSchema newSchema);

  /** How long after {@link #evolve} records may still be translated with the previous schema. */
  Duration schemaCacheTtl();

  /** Deletes the topic; its table and dead-letter table are dropped with it, as {@code redpanda.iceberg.delete} does. */
  void delete(String topic);
}
