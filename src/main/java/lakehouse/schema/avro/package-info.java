/**
 * Redpanda 25.3's rules for Avro values of an Iceberg topic (docs/redpanda-contract.md): which Avro schemas it
 * translates, the Iceberg columns it derives, and how it decodes a value into a row ({@link
 * lakehouse.schema.avro.AvroValueSchema}).
 *
 * <p>Depends on {@code lakehouse.schema}, Iceberg and Apache Avro (which the Iceberg sink brings) only.
 */
package lakehouse.schema.avro;
