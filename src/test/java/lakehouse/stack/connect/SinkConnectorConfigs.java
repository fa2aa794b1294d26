package lakehouse.stack.connect;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergClients;

/**
 * The two Iceberg sink connectors behind one Iceberg topic: the translation itself, whose
 * untranslatable records Kafka Connect sends to a dead-letter topic, and the one that writes that
 * topic's raw records to the {@code <topic>~dlq} table, as Redpanda's dead-letter table holds them.
 */
final class SinkConnectorConfigs {
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

  Map<String, String> translation(String topic, JsonSchema valueSchema) {
    Map<String, String> config = common(connector(topic), topic, topic);
    config.put("value.converter", JsonSchemaConverter.class.getName());
    config.put("value.converter." + JsonSchemaConverter.SCHEMA_CONFIG, valueSchema.text());
    // Converter failures (not JSON, not the schema) go to the dead-letter topic; the task keeps running.
    config.put("errors.tolerance", "all");
    config.put("errors.deadletterqueue.topic.name", deadLetterTopic(topic));
    config.put("errors.deadletterqueue.topic.replication.factor", "1");
    config.put("errors.deadletterqueue.context.headers.enable", "true");
    return config;
  }

  Map<String, String> deadLetter(String topic) {
    Map<String, String> config = common(deadLetterConnector(topic), deadLetterTopic(topic), IcebergTypes.deadLetterTable(topic));
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("transforms", "value,redpanda");
    config.put("transforms.value.type", "org.apache.kafka.connect.transforms.HoistField$Value");
    config.put("transforms.value.field", "value");
    config.put("transforms.redpanda.type", RedpandaMetadata.class.getName());
    config.put("transforms.redpanda." + RedpandaMetadata.FROM_ERROR_HEADERS, "true");
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
    endpoints.kafka().clientProperties().forEach((key, value) -> config.put("iceberg.kafka." + key, value));
    config.put("consumer.override.auto.offset.reset", "earliest");
    // The sink's own consumers of the control topic default to "latest" (KafkaClientFactory.createConsumer), and
    // the coordinator's group gets a committed offset only after its first successful commit. A coordinator that
    // restarts before then (a task restart, a writer restart) skips the DataWritten events the worker had already
    // sent, together with the source offsets that make them final: acknowledged records that are never committed.
    // Iceberg's own integration tests set this (IntegrationTestBase); apache/iceberg#18006 proposes it as the
    // coordinator's default. A worker reading from the earliest offset also answers a commit request it missed.
    config.put("iceberg.kafka.auto.offset.reset", "earliest");
    config.put("iceberg.catalog.type", "rest");
    IcebergClients.restCatalog(endpoints).forEach((key, value) -> config.put("iceberg.catalog." + key, value));
    config.put("transforms", "redpanda");
    config.put("transforms.redpanda.type", RedpandaMetadata.class.getName());
    return config;
  }
}
