package lakehouse.stack;

import java.util.Optional;
import java.util.OptionalInt;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.JsonValueSchema;
import lakehouse.schema.ValueFormat;
import lakehouse.schema.ValueSchema;
import org.apache.iceberg.Schema;

/**
 * An Iceberg topic as Redpanda's topic properties describe it.
 *
 * @param mode {@code redpanda.iceberg.mode}
 * @param schema the value's schema, registered under {@code <topic>-value}; null in {@code key_value}
 * @param protobufName in {@code value_schema_latest} with Protobuf, the message to read
 *     ({@code value_schema_latest:protobuf_name=…}); empty for the file's first message
 * @param partitions the Kafka partition count; empty for the cluster's default
 * @param partitionSpec {@code redpanda.iceberg.partition.spec}; empty for the cluster's default,
 *     {@code (hour(redpanda.timestamp))}
 * @param invalidRecords {@code redpanda.iceberg.invalid.record.action}
 */
public record IcebergTopic(String name, Mode mode, ValueSchema schema, Optional<String> protobufName,
    OptionalInt partitions, Optional<String> partitionSpec, InvalidRecordAction invalidRecords) {

  public IcebergTopic {
    if ((mode == Mode.KEY_VALUE) != (schema == null)) {
      throw new IllegalArgumentException("Iceberg topic " + name + ": " + (schema == null
          ? mode.propertyValue() + " needs a value schema" : "key_value takes no value schema"));
    }
    if (protobufName.isPresent() && (mode != Mode.VALUE_SCHEMA_LATEST || schema.format() != ValueFormat.PROTOBUF)) {
      throw new IllegalArgumentException("Iceberg topic " + name + ": protobuf_name goes only with value_schema_latest"
          + " and a Protobuf schema");
    }
  }

  /** Redpanda's Iceberg modes: how a record's value becomes columns. */
  public enum Mode {
    /** The key and value as raw bytes; every record is a row, and there is no dead-letter table. */
    KEY_VALUE("key_value"),
    /** Each value carries the Schema Registry wire format: magic byte 0, the schema ID, then the encoded value. */
    VALUE_SCHEMA_ID_PREFIX("value_schema_id_prefix"),
    /** Bare values, read with the latest schema of the topic's subject. */
    VALUE_SCHEMA_LATEST("value_schema_latest");

    private final String propertyValue;

    Mode(String propertyValue) {
      this.propertyValue = propertyValue;
    }

    /** The value of {@code redpanda.iceberg.mode}. */
    public String propertyValue() {
      return propertyValue;
    }

    public static Mode fromProperty(String value) {
      for (Mode mode : values()) {
        if (mode.propertyValue.equals(value)) {
          return mode;
        }
      }
      throw new IllegalArgumentException("'" + value + "' is not an Iceberg mode: use key_value, value_schema_id_prefix"
          + " or value_schema_latest");
    }
  }

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

  /** A {@code value_schema_latest} topic of plain JSON values, with the cluster's defaults for everything else. */
  public static IcebergTopic of(String name, JsonSchema valueSchema) {
    return of(name, Mode.VALUE_SCHEMA_LATEST, new JsonValueSchema(valueSchema));
  }

  /** A topic in a Schema Registry mode, with a schema in any format. */
  public static IcebergTopic of(String name, Mode mode, ValueSchema schema) {
    return new IcebergTopic(name, mode, schema, Optional.empty(), OptionalInt.empty(), Optional.empty(),
        InvalidRecordAction.DLQ_TABLE);
  }

  /** A {@code key_value} topic: raw keys and values. */
  public static IcebergTopic keyValue(String name) {
    return new IcebergTopic(name, Mode.KEY_VALUE, null, Optional.empty(), OptionalInt.empty(), Optional.empty(),
        InvalidRecordAction.DLQ_TABLE);
  }

  /** The JSON Schema of a JSON topic. */
  public JsonSchema valueSchema() {
    if (schema instanceof JsonValueSchema json) {
      return json.jsonSchema();
    }
    throw new IllegalStateException("Iceberg topic " + name + " has no JSON Schema: its mode is " + mode.propertyValue()
        + (schema == null ? "" : " with " + schema.format().settingValue()));
  }

  /** Whether this is the plain-JSON {@code value_schema_latest} topic the suite began with. */
  public boolean isLatestJson() {
    return mode == Mode.VALUE_SCHEMA_LATEST && schema.format() == ValueFormat.JSON;
  }

  /** The table Redpanda makes for the topic: the metadata struct, then the value's columns (or {@code value}). */
  public Schema tableSchema() {
    if (mode == Mode.KEY_VALUE) {
      return IcebergTypes.keyValueSchema();
    }
    return schema instanceof JsonValueSchema json
        ? IcebergTypes.tableSchema(json.jsonSchema())
        : IcebergTypes.tableSchema(schema.valueType());
  }

  public IcebergTopic withProtobufName(String messageName) {
    return new IcebergTopic(name, mode, schema, Optional.of(messageName), partitions, partitionSpec, invalidRecords);
  }

  public IcebergTopic withPartitions(int count) {
    return new IcebergTopic(name, mode, schema, protobufName, OptionalInt.of(count), partitionSpec, invalidRecords);
  }

  public IcebergTopic withPartitionSpec(String spec) {
    return new IcebergTopic(name, mode, schema, protobufName, partitions, Optional.of(spec), invalidRecords);
  }

  public IcebergTopic withInvalidRecords(InvalidRecordAction action) {
    return new IcebergTopic(name, mode, schema, protobufName, partitions, partitionSpec, action);
  }
}
