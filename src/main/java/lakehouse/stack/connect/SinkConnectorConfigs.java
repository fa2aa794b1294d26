package lakehouse.stack.connect;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import lakehouse.plugin.JsonSchemaConverter;
import lakehouse.plugin.RedpandaMetadata;
import lakehouse.plugin.SchemaRegistryConverter;
import lakehouse.plugin.TableAtFirstRecord;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.PartitionSpecs;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.redpanda.RedpandaIcebergTopics;

/**
 * The Iceberg sink connectors behind one Iceberg topic: the translation itself, whose untranslatable
 * records Kafka Connect sends to a dead-letter topic, and, unless invalid records are dropped, the one
 * that writes that topic's raw records to the {@code <topic>~dlq} table, as Redpanda's dead-letter
 * table holds them.
 */
final class SinkConnectorConfigs {
  private static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

  private final Endpoints endpoints;
  private final Duration commitInterval;

  SinkConnectorConfigs(Endpoints endpoints, Duration commitInterval) {
    this.endpoints = endpoints;
    this.commitInterval = commitInterval;
  }

  static String connector(String topic) {
    return "iceberg-" + topic;
  }

  static String deadLetterConnector(String topic) {
    return "iceberg-" + topic + "-dlq";
  }

  /** Kafka topic names cannot hold Redpanda's '~', so the dead letters travel through {@code <topic>.dlq}. */
  static String deadLetterTopic(String topic) {
    return topic + ".dlq";
  }

  static String controlTopic(String topic) {
    return "iceberg-control-" + topic;
  }

  Map<String, String> translation(IcebergTopic topic, JsonSchema valueSchema) {
    String name = topic.name();
    Map<String, String> config = common(connector(name), name, name);
    config.put("value.converter", JsonSchemaConverter.class.getName());
    config.put("value.converter." + JsonSchemaConverter.SCHEMA_CONFIG, valueSchema.text());
    config.put("transforms.table." + TableAtFirstRecord.SCHEMA_CONFIG, valueSchema.text());
    config.put("transforms.table." + TableAtFirstRecord.PARTITION_SPEC_CONFIG,
        topic.partitionSpec().orElse(PartitionSpecs.DEFAULT));
    deadLetters(topic, config);
    return config;
  }

  /** Records that cannot be translated fail in the converter or the table transform; the task keeps running. */
  private static void deadLetters(IcebergTopic topic, Map<String, String> config) {
    config.put("errors.tolerance", "all");
    config.put("errors.log.enable", "true");
    if (topic.invalidRecords() == IcebergTopic.InvalidRecordAction.DLQ_TABLE) {
      config.put("errors.deadletterqueue.topic.name", deadLetterTopic(topic.name()));
      config.put("errors.deadletterqueue.topic.replication.factor", "1");
      config.put("errors.deadletterqueue.context.headers.enable", "true");
    }
  }

  /**
   * The translation of a topic in any other mode: {@code key_value} keeps the raw value, the Schema Registry
   * modes read each value with its registered schema ({@link SchemaRegistryConverter}) and the table follows it.
   */
  Map<String, String> translation(IcebergTopic topic) {
    if (topic.isLatestJson()) {
      return translation(topic, topic.valueSchema());
    }
    String name = topic.name();
    Map<String, String> config = common(connector(name), name, name);
    config.put("transforms.table." + TableAtFirstRecord.PARTITION_SPEC_CONFIG,
        topic.partitionSpec().orElse(PartitionSpecs.DEFAULT));
    if (topic.mode() == IcebergTopic.Mode.KEY_VALUE) {
      config.put("value.converter", BYTES);
      config.put("transforms.redpanda." + RedpandaMetadata.RAW_VALUE, "true");
      return config;
    }
    config.put("value.converter", SchemaRegistryConverter.class.getName());
    config.put("value.converter." + SchemaRegistryConverter.MODE_CONFIG, topic.mode().propertyValue());
    config.put("value.converter." + SchemaRegistryConverter.REGISTRY_URL_CONFIG, endpoints.schemaRegistryUrl());
    config.put("value.converter." + SchemaRegistryConverter.SUBJECT_CONFIG, RedpandaIcebergTopics.subject(name));
    topic.protobufName().ifPresent(message ->
        config.put("value.converter." + SchemaRegistryConverter.PROTOBUF_NAME_CONFIG, message));
    config.put("transforms.table." + TableAtFirstRecord.SCHEMA_FROM_RECORDS_CONFIG, "true");
    deadLetters(topic, config);
    return config;
  }

  Map<String, String> deadLetter(IcebergTopic topic) {
    String name = topic.name();
    Map<String, String> config = common(deadLetterConnector(name), deadLetterTopic(name), IcebergTypes.deadLetterTable(name));
    config.put("value.converter", BYTES);
    config.put("transforms.redpanda." + RedpandaMetadata.FROM_ERROR_HEADERS, "true");
    // Always the cluster default, never the topic's own spec (coordinator.cc, dlq_table_schema_provider).
    config.put("transforms.table." + TableAtFirstRecord.PARTITION_SPEC_CONFIG, PartitionSpecs.DEFAULT);
    return config;
  }

  private Map<String, String> common(String name, String topic, String table) {
    Map<String, String> config = new HashMap<>();
    // Kafka Connect 4 requires the name inside the configuration as well.
    config.put("name", name);
    config.put("connector.class", "org.apache.iceberg.connect.IcebergSinkConnector");
    config.put("tasks.max", "1");
    config.put("topics", topic);
    config.put("iceberg.tables", endpoints.namespace() + "." + table);
    config.put("iceberg.control.topic", controlTopic(topic));
    config.put("iceberg.control.commit.interval-ms", Long.toString(commitInterval.toMillis()));
    // In-JVM the connector cannot find the worker's properties file (it parses sun.java.command).
    config.put("iceberg.kafka.bootstrap.servers", endpoints.kafka().bootstrapServers());
    ConnectSecrets.kafkaClient(endpoints).forEach((key, value) -> config.put("iceberg.kafka." + key, value));
    // The sink's control-topic consumers default to "latest" (KafkaClientFactory.createConsumer, putIfAbsent), and
    // the coordinator's group gets a committed offset only after its first successful commit. A coordinator that
    // restarts before then (a task restart, a writer restart) skips the DataWritten events the worker had already
    // sent, together with the source offsets that make them final: acknowledged records that are never committed.
    // A task's commit worker starts only with its first records, so it also misses a commit request already in
    // flight, and the coordinator waits iceberg.control.commit.timeout-ms (30 s) for it. From the earliest event
    // neither happens, and each data file is still committed once: the coordinator skips events below the control
    // offsets recorded in the table's last snapshot (Coordinator.commitToTable). Iceberg's own integration tests set
    // this (IntegrationTestBase); apache/iceberg#18006 proposes it as the coordinator's default.
    config.put("iceberg.kafka.auto.offset.reset", "earliest");
    config.put("consumer.override.auto.offset.reset", "earliest");
    // Redpanda translates only committed data: it reads below the last stable offset and filters aborted
    // transactional batches (datalake/translation/deps.cc, partition_data_source; docs/redpanda-contract.md §16).
    // Kafka Connect's sink consumers set no isolation level (Worker.baseConsumerConfigs), and Kafka's default is
    // read_uncommitted, so without this an aborted record would become a row.
    config.put("consumer.override.isolation.level", "read_committed");
    // A consumer's close waits for its fetch session's closing fetch, which the broker holds for fetch.max.wait.ms
    // (500 ms) when there is nothing to read (Fetcher.maybeCloseFetchSessions). A connector's delete closes the sink's
    // consumer and the sink's control consumer one after the other while holding the standalone worker's lock, so at
    // the default every create and delete of the run queued behind ~1 s of idle waits (seen with jstack).
    config.put("consumer.override.fetch.max.wait.ms", "50");
    config.put("iceberg.kafka.fetch.max.wait.ms", "50");
    // Redpanda stores the key and header values as they were produced: raw bytes.
    config.put("key.converter", BYTES);
    config.put("header.converter", BYTES);
    config.put("iceberg.catalog.type", "rest");
    Map<String, String> catalog = ConnectSecrets.restCatalog(endpoints);
    catalog.forEach((key, value) -> config.put("iceberg.catalog." + key, value));
    // TableAtFirstRecord makes the tables; the sink's auto-create would type timestamps in milliseconds.
    config.put("iceberg.tables.auto-create-enabled", "false");
    config.put("transforms", "redpanda,table");
    config.put("transforms.redpanda.type", RedpandaMetadata.class.getName());
    config.put("transforms.table.type", TableAtFirstRecord.class.getName());
    config.put("transforms.table." + TableAtFirstRecord.TABLE_CONFIG, endpoints.namespace() + "." + table);
    catalog.forEach((key, value) -> config.put("transforms.table." + TableAtFirstRecord.CATALOG_PREFIX + key, value));
    // A catalog that does not answer pauses translation, as on Redpanda: retry until it does.
    config.put("errors.retry.timeout", "-1");
    config.put("errors.retry.delay.max.ms", "1000");
    return config;
  }
}
