package lakehouse.stack.connect;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergClients;
import lakehouse.stack.IcebergTopics;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Iceberg topics on Apache Kafka + Kafka Connect, standing in for Redpanda's: a Kafka topic, its
 * Iceberg table derived from the JSON Schema as Redpanda derives it, and one Apache Iceberg sink
 * connector route per topic that commits every commit interval, as {@code iceberg_target_lag_ms} does.
 */
public final class ConnectIcebergTopics implements IcebergTopics {
  private final Endpoints endpoints;
  private final ConnectRestClient connect;
  private final Duration commitInterval;

  /** Sink connectors run on the Kafka Connect worker at {@link Endpoints#connectUrl()}. */
  public ConnectIcebergTopics(Endpoints endpoints, Duration commitInterval) {
    this.endpoints = endpoints;
    this.connect = new ConnectRestClient(endpoints.connectUrl());
    this.commitInterval = commitInterval;
  }

  @Override
  public void create(String topic, JsonSchema valueSchema) {
    try {
      createKafkaTopics(topic, controlTopic(topic));
      createTable(topic, valueSchema);
      connect.putConnector(connectorName(topic), connectorConfig(topic));
    } catch (Exception e) {
      throw new IllegalStateException("could not create Iceberg topic " + topic + ": " + e.getMessage(), e);
    }
  }

  public static String connectorName(String topic) {
    return "iceberg-" + topic;
  }

  private static String controlTopic(String topic) {
    return "iceberg-control-" + topic;
  }

  Map<String, String> connectorConfig(String topic) {
    // Kafka Connect 4 requires the name inside the configuration as well.
    Map<String, String> config = new HashMap<>();
    config.put("name", connectorName(topic));
    config.put("connector.class", "org.apache.iceberg.connect.IcebergSinkConnector");
    config.put("tasks.max", "1");
    config.put("topics", topic);
    config.put("iceberg.tables", endpoints.namespace() + "." + topic);
    config.put("iceberg.control.topic", controlTopic(topic));
    config.put("iceberg.control.commit.interval-ms", Long.toString(commitInterval.toMillis()));
    // In-JVM the connector cannot find the worker's properties file (it parses sun.java.command).
    config.put("iceberg.kafka.bootstrap.servers", endpoints.kafka().bootstrapServers());
    endpoints.kafka().clientProperties().forEach((key, value) -> config.put("iceberg.kafka." + key, value));
    config.put("consumer.override.auto.offset.reset", "earliest");
    config.put("iceberg.catalog.type", "rest");
    IcebergClients.restCatalog(endpoints).forEach((key, value) -> config.put("iceberg.catalog." + key, value));
    config.put("transforms", "redpanda");
    config.put("transforms.redpanda.type", RedpandaMetadata.class.getName());
    return config;
  }

  private void createKafkaTopics(String... topics) throws InterruptedException, ExecutionException {
    Map<String, Object> client = new HashMap<>(endpoints.kafka().clientProperties());
    client.put("bootstrap.servers", endpoints.kafka().bootstrapServers());
    try (Admin admin = Admin.create(client)) {
      for (String name : topics) {
        try {
          admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  private void createTable(String topic, JsonSchema valueSchema) {
    try (RESTCatalog catalog = IcebergClients.openRestCatalog("topic-setup", endpoints)) {
      Namespace namespace = Namespace.of(endpoints.namespace());
      if (!catalog.namespaceExists(namespace)) {
        catalog.createNamespace(namespace, new HashMap<>());
      }
      TableIdentifier table = TableIdentifier.of(namespace, topic);
      if (!catalog.tableExists(table)) {
        catalog.createTable(table, IcebergTypes.tableSchema(valueSchema), PartitionSpec.unpartitioned(),
            new HashMap<>(Map.of("format-version", "2")));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
