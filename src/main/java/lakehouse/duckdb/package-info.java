/**
 * DuckDB: provisioning its extensions (from DuckDB's site or the PyPI wheels that carry the official files, with
 * checksums), opening sessions and the statements that attach a REST catalog.
 *
 * <p>May use {@code lakehouse.stack} (endpoints and settings) and {@code lakehouse.progress}.
 */
package lakehouse.duckdb;
