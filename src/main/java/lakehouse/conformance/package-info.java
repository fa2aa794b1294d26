/**
 * The conformance case runner: reads case files (a schema, records, the expected rows and dead letters), runs each
 * case on the stack and compares what the table holds with what Redpanda would write.
 *
 * <p>May use the handles, {@code lakehouse.schema}, {@code lakehouse.pipeline} and {@code lakehouse.stack}.
 */
package lakehouse.conformance;
