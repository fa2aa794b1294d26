/**
 * The stack side of Kafka Connect: the sink connectors' configurations, their secrets as config-provider
 * placeholders, the worker's properties and the REST client that creates them. What runs inside the worker is in
 * {@code lakehouse.plugin}.
 *
 * <p>May use {@code lakehouse.stack}, {@code lakehouse.plugin} (class names and config keys) and
 * {@code lakehouse.schema}.
 */
package lakehouse.stack.connect;
