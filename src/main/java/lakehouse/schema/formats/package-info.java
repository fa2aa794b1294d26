/**
 * Reads a registered schema in the format its Schema Registry {@code schemaType} names: the one place that knows
 * every format's rules (JSON Schema in {@code lakehouse.schema}, Avro in {@code lakehouse.schema.avro}, Protobuf in
 * {@code lakehouse.schema.protobuf}), so those packages never depend on one another.
 */
package lakehouse.schema.formats;
