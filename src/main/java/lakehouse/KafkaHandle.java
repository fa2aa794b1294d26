package lakehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lakehouse.lifecycle.Shutdown;
import lakehouse.progress.Phase;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.JsonValueSchema;
import lakehouse.schema.PartitionSpecs;
import lakehouse.schema.SchemaRules;
import lakehouse.schema.UntranslatableSchemaException;
import lakehouse.schema.ValueSchema;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.IcebergTopics;
import lakehouse.stack.redpanda.RedpandaIcebergTopics;
import lakehouse.stack.redpanda.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka API of the stack: Iceberg topics, their schemas, producers, and record counts. */
public final class KafkaHandle {
  private final Endpoints.Kafka endpoint;
  private final IcebergTopics icebergTopics;
  private final String schemaRegistryUrl;

  public KafkaHandle(Endpoints.Kafka endpoint, IcebergTopics icebergTopics) {
    this(endpoint, icebergTopics, null);
  }

  /** @param schemaRegistryUrl the stack's Schema Registry; null where it has none */
  public KafkaHandle(Endpoints.Kafka endpoint, IcebergTopics icebergTopics, String schemaRegistryUrl) {
    this.endpoint = endpoint;
    this.icebergTopics = icebergTopics;
    this.schemaRegistryUrl = schemaRegistryUrl;
  }

  public String bootstrapServers() {
    return endpoint.bootstrapServers();
  }

  /** Creates an Iceberg topic with the cluster's defaults; returns once records sent to it will be translated. */
  public void createIcebergTopic(String topic, JsonSchema valueSchema) {
    createIcebergTopic(IcebergTopic.of(topic, valueSchema));
  }

  /**
   * Creates an Iceberg topic in any mode and format; its table appears at the first translated record. A
   * schema Redpanda would not translate is refused first (its {@link ValueSchema#violations()}), and so is a
   * partition spec that does not fit the schema's table: nothing is registered or created.
   */
  public void createIcebergTopic(IcebergTopic topic) {
    if (topic.mode() != IcebergTopic.Mode.KEY_VALUE) {
      check(topic.name(), topic.schema());
    }
    topic.partitionSpec().ifPresent(spec -> checkPartitionSpec(topic, spec));
    Shutdown.check("Iceberg topic " + topic.name());
    try (Phase phase = Phase.begin("creating Iceberg topic " + topic.name())) {
      icebergTopics.create(topic);
    }
  }

  /**
   * Redpanda parses {@code redpanda.iceberg.partition.spec} when the topic is created, but looks its
   * columns up only when it creates the table, at the first record; a missing column then fails and
   * retries that record for ever, with nothing in the dead-letter table ({@code coordinator.cc}
   * {@code do_ensure_table_exists}). Refused here instead, on every stack, before anything exists.
   */
  private static void checkPartitionSpec(IcebergTopic topic, String spec) {
    try {
      PartitionSpecs.parse(spec, topic.tableSchema());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Iceberg topic " + topic.name() + " is not created: " + e.getMessage()
          + ". Redpanda would accept the topic and then stall at its first record; name columns of the table its"
          + " schema gives (the redpanda struct's, such as redpanda.timestamp, or the schema's own properties)", e);
    }
  }

  /**
   * Registers a new latest value schema. Records may still be translated with the previous one for
   * up to {@link #schemaCacheTtl()}.
   */
  public void evolveSchema(String topic, JsonSchema newSchema) {
    SchemaRules.check(topic, newSchema);
    Shutdown.check("a new schema for Iceberg topic " + topic);
    icebergTopics.evolve(topic, newSchema);
  }

  /**
   * Registers a new version of the topic's subject, in a Schema Registry mode (Avro, Protobuf, or JSON Schema in
   * {@code value_schema_id_prefix}); returns its ID, for the wire-format header of the records that use it.
   * Redpanda evolves the table when it first translates a record written with it.
   */
  public int registerSchema(String topic, ValueSchema schema) {
    check(topic, schema);
    return schemaRegistry().register(RedpandaIcebergTopics.subject(topic), RedpandaIcebergTopics.schemaRegistryRequest(schema));
  }

  /** The ID of the latest schema of the topic's subject: what a producer in {@code value_schema_id_prefix} writes. */
  public int schemaId(String topic) {
    return schemaRegistry().latest(RedpandaIcebergTopics.subject(topic)).id();
  }

  /** The stack's Schema Registry, with the same requests on every stack. */
  public SchemaRegistryClient schemaRegistry() {
    if (schemaRegistryUrl == null) {
      throw new IllegalStateException("this stack has no Schema Registry: set " + ExternalSettings.SCHEMA_REGISTRY_URL);
    }
    return new SchemaRegistryClient(schemaRegistryUrl);
  }

  private static void check(String topic, ValueSchema schema) {
    if (schema instanceof JsonValueSchema json) {
      SchemaRules.check(topic, json.jsonSchema());
      return;
    }
    List<SchemaRules.Violation> violations = schema.violations();
    if (!violations.isEmpty()) {
      throw new UntranslatableSchemaException(topic, schema.format(), violations);
    }
  }

  /** How long the stack may keep translating with a schema after a newer version is registered. */
  public java.time.Duration schemaCacheTtl() {
    return icebergTopics.schemaCacheTtl();
  }

  /** Deletes the topic; the stack drops its table and dead-letter table with it. */
  public void deleteIcebergTopic(String topic) {
    icebergTopics.delete(topic);
  }

  /** A plain topic, with no Iceberg translation: one partition, as the Iceberg topics have on embedded. */
  public void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(clientConfig())) {
      admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, java.util.Optional.of(1),
          java.util.Optional.empty()))).all().get();
    }
  }

  /** An idempotent producer that waits for all in-sync replicas: keys and values are raw bytes. */
  public Producer<byte[], byte[]> producer() {
    Map<String, Object> config = clientConfig();
    config.putAll(producerSettings());
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * A transactional producer: what it sends becomes visible to readers of committed data, Redpanda's Iceberg
   * translation among them, only when its transaction commits.
   */
  public Producer<byte[], byte[]> transactionalProducer(String transactionalId) {
    Map<String, Object> config = clientConfig();
    config.putAll(producerSettings());
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** The producer settings beyond the connection: durability first, then batching for throughput. */
  public Map<String, Object> producerSettings() {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return settings;
  }

  public boolean topicExists(String topic) throws Exception {
    try (Admin admin = Admin.create(clientConfig())) {
      return admin.listTopics().names().get().contains(topic);
    }
  }

  /** Records held by the topic: end minus start offsets over its partitions (no transactions, no gaps). */
  public long recordCount(String topic) throws Exception {
    try (Admin admin = Admin.create(clientConfig())) {
      List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
          .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      long end = sum(admin, partitions, OffsetSpec.latest());
      long start = sum(admin, partitions, OffsetSpec.earliest());
      return end - start;
    }
  }

  private static long sum(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all().get()
        .values().stream().mapToLong(info -> info.offset()).sum();
  }

  /** Bootstrap servers plus the stack's client properties (SASL, TLS), for any Kafka client. */
  public Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(endpoint.clientProperties());
    config.put("bootstrap.servers", endpoint.bootstrapServers());
    return config;
  }
}
