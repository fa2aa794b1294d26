package lakehouse.stack.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Iceberg topics on Apache Kafka + Kafka Connect, standing in for Redpanda's: a Kafka topic, its
 * Iceberg table derived from the JSON Schema as Redpanda derives it, and an Apache Iceberg sink
 * connector that commits every commit interval, as {@code iceberg_target_lag_ms} does. Records
 * that cannot be translated go, as with Redpanda, to the Iceberg table {@code <topic>~dlq}.
 */
public final class ConnectIcebergTopics implements IcebergTopics {
  private final Endpoints endpoints;
  private final ConnectRestClient connect;
  private final SinkConnectorConfigs configs;

  /** Sink connectors run on the Kafka Connect worker at {@link Endpoints#connectUrl()}. */
  public ConnectIcebergTopics(Endpoints endpoints, Duration commitInterval) {
    this.endpoints = endpoints;
    this.connect = new ConnectRestClient(endpoints.connectUrl());
    this.configs = new SinkConnectorConfigs(endpoints, commitInterval);
  }

  @Override
  public void create(String topic, JsonSchema valueSchema) {
    try {
      createKafkaTopics(topic, SinkConnectorConfigs.deadLetterTopic(topic),
          SinkConnectorConfigs.controlTopic(topic), SinkConnectorConfigs.controlTopic(SinkConnectorConfigs.deadLetterTopic(topic)));
      createTables(Map.of(
          topic, IcebergTypes.tableSchema(valueSchema),
          IcebergTypes.deadLetterTable(topic), IcebergTypes.deadLetterSchema()));
      connect.putConnector(SinkConnectorConfigs.deadLetterConnector(topic), configs.deadLetter(topic));
      connect.putConnector(SinkConnectorConfigs.connector(topic), configs.translation(topic, valueSchema));
    } catch (Exception e) {
      throw new IllegalStateException("could not create Iceberg topic " + topic + ": " + e.getMessage(), e);
    }
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

  private void createTables(Map<String, Schema> schemas) {
    try (RESTCatalog catalog = IcebergClients.openRestCatalog("topic-setup", endpoints)) {
      Namespace namespace = Namespace.of(endpoints.namespace());
      if (!catalog.namespaceExists(namespace)) {
        catalog.createNamespace(namespace, new HashMap<>());
      }
      schemas.forEach((name, schema) -> {
        TableIdentifier table = TableIdentifier.of(namespace, name);
        if (!catalog.tableExists(table)) {
          catalog.createTable(table, schema, PartitionSpec.unpartitioned(), new HashMap<>(Map.of("format-version", "2")));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
