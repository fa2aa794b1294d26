/**
 * The external stack: a running cluster described by settings, either Redpanda with Iceberg Topics or a Kafka
 * cluster with a Kafka Connect worker that has the plugin installed.
 *
 * <p>May use {@code lakehouse.stack}, {@code lakehouse.stack.redpanda} and {@code lakehouse.stack.connect}.
 */
package lakehouse.stack.external;
