/**
 * Clients of Redpanda's own APIs: the Admin API, the Schema Registry and the topic properties that make a topic an
 * Iceberg topic. Used by the containers and external stacks.
 *
 * <p>May use {@code lakehouse.stack} and {@code lakehouse.schema}.
 */
package lakehouse.stack.redpanda;
