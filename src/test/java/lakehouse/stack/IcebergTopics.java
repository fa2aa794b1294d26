package lakehouse.stack;

import lakehouse.schema.JsonSchema;

/**
 * Creates Iceberg topics: Kafka topics whose records a stack translates into the Iceberg table
 * {@code <namespace>.<topic>}, with columns derived from a JSON Schema.
 */
public interface IcebergTopics {

  /** Returns once the topic accepts records and its translation into Iceberg is running. */
  void create(String topic, JsonSchema valueSchema);
}
