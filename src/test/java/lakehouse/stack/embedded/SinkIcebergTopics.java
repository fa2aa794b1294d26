package lakehouse.stack.embedded;

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
 * Iceberg topics on the embedded stack: a Kafka topic, its Iceberg table derived from the JSON
 * Schema as Redpanda derives it, and one Iceberg sink connector route that commits every commit
 * interval, standing in for {@code iceberg_target_lag_ms}.
 */
final class SinkIcebergTopics implements IcebergTopics {
  private final Endpoints endpoints;
  private final ConnectWorker connect;
  private final Duration commitInterval;

  SinkIcebergTopics(Endpoints endpoints, ConnectWorker connect, Duration commitInterval) {
    this.endpoints = endpoints;
    this.connect = connect;
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

  static String connectorName(String topic) {
    return "iceberg-" + topic;
  }

  private static String controlTopic(String topic) {
    return "iceberg-control-" + topic;
  }

  Map<String, String> connectorConfig(String topic) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", "org.apache.iceberg.connect.IcebergSinkConnector");
    config.put("tasks.max", "1");
    config.put("topics", topic);
    config.put("iceberg.tables", endpoints.namespace() + "." + topic);
    config.put("iceberg.control.topic", controlTopic(topic));
    config.put("iceberg.control.commit.interval-ms", Long.toString(commitInterval.toMillis()));
    // In-JVM the connector cannot find the worker's properties file (it parses sun.java.command).
    config.put("iceberg.kafka.bootstrap.servers", endpoints.kafka().bootstrapServers());
    config.put("consumer.override.auto.offset.reset", "earliest");
    config.put("iceberg.catalog.type", "rest");
    IcebergClients.restCatalog(endpoints).forEach((key, value) -> config.put("iceberg.catalog." + key, value));
    config.put("transforms", "redpanda");
    config.put("transforms.redpanda.type", RedpandaMetadata.class.getName());
    return config;
  }

  private void createKafkaTopics(String... topics) throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafka().bootstrapServers()))) {
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
