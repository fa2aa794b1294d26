/**
 * The handles a spec works with: {@link lakehouse.Lakehouse} bundles {@link lakehouse.KafkaHandle} (topics and
 * producers), {@link lakehouse.CatalogHandle} (the Iceberg REST catalog) and {@link lakehouse.DuckDbHandle} (DuckDB
 * attached to that catalog). They hide which stack is behind them.
 *
 * <p>May use: {@code lakehouse.stack}, {@code lakehouse.schema}, {@code lakehouse.duckdb} and the clients (Kafka,
 * Iceberg, DuckDB). Never a concrete stack.
 */
package lakehouse;
