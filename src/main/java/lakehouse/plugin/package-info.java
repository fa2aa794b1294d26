/**
 * The Kafka Connect plugin: only what runs inside a Connect worker, next to Apache Iceberg's sink, to make it
 * behave like a Redpanda Iceberg topic: the converter that validates and translates values by Redpanda's rules,
 * the transform that adds the {@code redpanda} struct, and the transform that creates the table at the first
 * record.
 *
 * <p>May use the Kafka Connect API, Iceberg, Jackson, Hadoop's {@code Configuration} (which Iceberg's catalog
 * takes) and {@code lakehouse.schema}; nothing of JUnit, DuckDB, the stacks or the reports. The plugin zip is built
 * from this package and {@code lakehouse.schema}.
 */
package lakehouse.plugin;
