package lakehouse.stack.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import lakehouse.plugin.JsonSchemaConverter;
import lakehouse.plugin.TableAtFirstRecord;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.IcebergClients;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.IcebergTopics;
import lakehouse.stack.redpanda.RedpandaIcebergTopics;
import lakehouse.stack.redpanda.SchemaRegistryClient;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Iceberg topics on Apache Kafka + Kafka Connect, standing in for Redpanda's: a Kafka topic and the
 * Apache Iceberg sink connectors that translate it as Redpanda does (docs/redpanda-contract.md),
 * committing every commit interval, as {@code redpanda.iceberg.target.lag.ms} does. The tables
 * appear at the first translated record ({@link TableAtFirstRecord}); records that cannot be
 * translated go, as with Redpanda, to the Iceberg table {@code <topic>~dlq}, or are dropped.
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
  public void create(IcebergTopic topic) {
    String name = topic.name();
    try {
      createKafkaTopics(topic.partitions().orElse(1), name, SinkConnectorConfigs.controlTopic(name));
      // key_value never dead-letters, so it has no dead-letter table (datalake_dlq_test.py,
      // test_no_dlq_table_for_key_value_mode)
      if (topic.mode() != IcebergTopic.Mode.KEY_VALUE && topic.invalidRecords() == IcebergTopic.InvalidRecordAction.DLQ_TABLE) {
        String deadLetters = SinkConnectorConfigs.deadLetterTopic(name);
        createKafkaTopics(1, deadLetters, SinkConnectorConfigs.controlTopic(deadLetters));
        connect.putConnector(SinkConnectorConfigs.deadLetterConnector(name), configs.deadLetter(topic));
      }
      register(topic);
      connect.putConnector(SinkConnectorConfigs.connector(name), configs.translation(topic));
    } catch (Exception e) {
      throw new IllegalStateException("could not create Iceberg topic " + name + ": " + e.getMessage(), e);
    }
  }

  /** The worker restarts the translation's task with the new schema, so no record is translated with the old one. */
  @Override
  public void evolve(String topic, JsonSchema newSchema) {
    String name = SinkConnectorConfigs.connector(topic);
    try {
      register(IcebergTopic.of(topic, newSchema));
      Map<String, String> config = new HashMap<>(connect.connectorConfig(name));
      config.put("value.converter." + JsonSchemaConverter.SCHEMA_CONFIG, newSchema.text());
      config.put("transforms.table." + TableAtFirstRecord.SCHEMA_CONFIG, newSchema.text());
      connect.putConnector(name, config);
      connect.awaitTaskConfig(name, "value.converter." + JsonSchemaConverter.SCHEMA_CONFIG, newSchema.text());
    } catch (Exception e) {
      throw new IllegalStateException("could not evolve the schema of Iceberg topic " + topic + ": " + e.getMessage(), e);
    }
  }

  /**
   * As on Redpanda, the schema is a version of the topic's {@code <topic>-value} subject, in the stack's Schema
   * Registry (the embedded stand-in, or an external Connect cluster's registry when one is set), with the same
   * request; the sink connectors take the schema from their configuration.
   */
  private void register(IcebergTopic topic) {
    if (topic.mode() == IcebergTopic.Mode.KEY_VALUE) {
      return;
    }
    if (endpoints.schemaRegistryUrl() == null) {
      if (topic.isLatestJson()) {
        return; // the connectors carry the JSON Schema themselves
      }
      throw new IllegalStateException("Iceberg topic " + topic.name() + " in " + topic.mode().propertyValue()
          + " needs a Schema Registry, and this Kafka Connect stack has none: set " + ExternalSettings.SCHEMA_REGISTRY_URL);
    }
    new SchemaRegistryClient(endpoints.schemaRegistryUrl())
        .register(RedpandaIcebergTopics.subject(topic.name()), RedpandaIcebergTopics.schemaRegistryRequest(topic.schema()));
  }

  @Override
  public Duration schemaCacheTtl() {
    return Duration.ZERO;
  }

  /** Connectors first, so nothing writes while the topics and tables go. */
  @Override
  public void delete(String topic) {
    String deadLetters = SinkConnectorConfigs.deadLetterTopic(topic);
    try {
      connect.deleteConnector(SinkConnectorConfigs.connector(topic));
      connect.deleteConnector(SinkConnectorConfigs.deadLetterConnector(topic));
      deleteKafkaTopics(topic, SinkConnectorConfigs.controlTopic(topic), deadLetters,
          SinkConnectorConfigs.controlTopic(deadLetters));
      try (RESTCatalog catalog = IcebergClients.openRestCatalog("topic-delete", endpoints)) {
        catalog.dropTable(TableIdentifier.of(endpoints.namespace(), topic), true);
        catalog.dropTable(TableIdentifier.of(endpoints.namespace(), IcebergTypes.deadLetterTable(topic)), true);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not delete Iceberg topic " + topic + ": " + e.getMessage(), e);
    }
  }

  private Admin admin() {
    Map<String, Object> client = new HashMap<>(endpoints.kafka().clientProperties());
    client.put("bootstrap.servers", endpoints.kafka().bootstrapServers());
    return Admin.create(client);
  }

  private void createKafkaTopics(int partitions, String... topics) throws InterruptedException, ExecutionException {
    try (Admin admin = admin()) {
      for (String name : topics) {
        try {
          admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  private void deleteKafkaTopics(String... topics) throws InterruptedException, ExecutionException {
    try (Admin admin = admin()) {
      List<String> existing = new ArrayList<>(admin.listTopics().names().get());
      existing.retainAll(List.of(topics));
      try {
        admin.deleteTopics(existing).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
    }
  }
}
