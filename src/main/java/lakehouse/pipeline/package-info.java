/**
 * Producing and waiting, for any topic: messages, acknowledged sends, visibility in the catalog and in DuckDB, and
 * the freshness of a commit. The trades pipeline itself is part of the spec (src/test).
 */
package lakehouse.pipeline;
