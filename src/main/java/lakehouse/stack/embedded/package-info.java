/**
 * The embedded stack: Kafka (KRaft), Kafka Connect with Apache Iceberg's sink standing in for Redpanda Iceberg
 * Topics, Iceberg's REST catalog on an embedded PostgreSQL, and S3Proxy, all inside this JVM on 127.0.0.1.
 *
 * <p>May use {@code lakehouse.stack}, {@code lakehouse.stack.connect} and the lifecycle and progress packages.
 */
package lakehouse.stack.embedded;
