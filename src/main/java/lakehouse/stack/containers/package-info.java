/**
 * The containers stack: real Redpanda, Polaris on PostgreSQL and MinIO in Testcontainers, where a Docker engine
 * answers. Everything it generates (configs, bootstrap requests) is unit-tested against the upstream contracts.
 *
 * <p>May use {@code lakehouse.stack} and {@code lakehouse.stack.redpanda}.
 */
package lakehouse.stack.containers;
