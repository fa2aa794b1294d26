/**
 * The checks that run before any stack starts: every setting, DuckDB and its extensions, and on an external
 * cluster every endpoint. A failure is one error that names the fix.
 */
package lakehouse.preflight;
