package lakehouse.stack.redpanda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.JsonValueSchema;
import lakehouse.schema.ValueSchema;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.IcebergTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;

/**
 * Iceberg topics on Redpanda 25.2+: the value's schema (JSON Schema, Avro or Protobuf) goes to the Schema
 * Registry under {@code <topic>-value}, then the topic is created with its {@code redpanda.iceberg.mode}, so
 * Redpanda turns each record into a row of {@code <namespace>.<topic>}: in {@code value_schema_latest} a bare
 * value read with the latest schema, in {@code value_schema_id_prefix} a wire-format value read with the schema
 * its ID names, in {@code key_value} the raw key and value.
 * Works for any Redpanda reachable through {@link Endpoints}, containers or an external cluster.
 */
public final class RedpandaIcebergTopics implements IcebergTopics {
  public static final String ICEBERG_MODE = "redpanda.iceberg.mode";
  /** Latest schema of the TopicNameStrategy subject; records are plain JSON, no wire-format header. */
  public static final String VALUE_SCHEMA_LATEST = "value_schema_latest";
  public static final String TARGET_LAG = "redpanda.iceberg.target.lag.ms";
  public static final String PARTITION_SPEC = "redpanda.iceberg.partition.spec";
  public static final String INVALID_RECORD_ACTION = "redpanda.iceberg.invalid.record.action";
  /** The cluster property of how long Redpanda keeps using a schema after a newer version is registered. */
  public static final String SCHEMA_CACHE_TTL = "iceberg_latest_schema_cache_ttl_ms";
  /** Its default in 25.3 (redpanda-properties-v25.3.11). */
  public static final Duration DEFAULT_SCHEMA_CACHE_TTL = Duration.ofMinutes(5);
  /** "Only JSON Schema Draft-07 is currently supported", declared with {@code $schema} (specify-iceberg-schema.adoc). */
  public static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(60);

  private final Endpoints endpoints;
  private final Optional<Duration> targetLag;
  private final Duration schemaCacheTtl;

  /** Topics that commit at the cluster's {@code iceberg_target_lag_ms}. */
  public RedpandaIcebergTopics(Endpoints endpoints, Duration schemaCacheTtl) {
    this(endpoints, Optional.empty(), schemaCacheTtl);
  }

  /**
   * Topics that commit at their own lag, for clusters whose default is too slow for a spec.
   *
   * @param schemaCacheTtl the cluster's {@value #SCHEMA_CACHE_TTL}
   */
  public RedpandaIcebergTopics(Endpoints endpoints, Optional<Duration> targetLag, Duration schemaCacheTtl) {
    if (endpoints.schemaRegistryUrl() == null) {
      throw new IllegalArgumentException("Redpanda Iceberg topics need a Schema Registry; the endpoints have none");
    }
    this.endpoints = endpoints;
    this.targetLag = targetLag;
    this.schemaCacheTtl = schemaCacheTtl;
  }

  /** Registers the schema first: Redpanda looks the schema up when it translates, and caches it for minutes. */
  @Override
  public void create(IcebergTopic topic) {
    if (topic.mode() != IcebergTopic.Mode.KEY_VALUE) {
      registry().register(subject(topic.name()), schemaRegistryRequest(topic.schema()));
    }
    createTopic(topic);
  }

  /** A new version of the subject: {@code value_schema_latest} translates with it once the cache lets go of the old. */
  @Override
  public void evolve(String topic, JsonSchema newSchema) {
    registry().register(subject(topic), schemaRegistryRequest(newSchema));
  }

  @Override
  public Duration schemaCacheTtl() {
    return schemaCacheTtl;
  }

  /** Deleting the topic drops its tables too, where {@code redpanda.iceberg.delete} is true (the default). */
  @Override
  public void delete(String topic) {
    try (Admin admin = admin()) {
      admin.deleteTopics(List.of(topic)).all().get(TOPIC_READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Redpanda did not delete Iceberg topic " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deleting " + topic, e);
    }
  }

  private SchemaRegistryClient registry() {
    return new SchemaRegistryClient(endpoints.schemaRegistryUrl());
  }

  private Admin admin() {
    Properties properties = new Properties();
    properties.putAll(endpoints.kafka().clientProperties());
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafka().bootstrapServers());
    return Admin.create(properties);
  }

  /** TopicNameStrategy, the subject {@code value_schema_latest} reads. */
  public static String subject(String topic) {
    return topic + "-value";
  }

  /** {@code {"schemaType":"JSON","schema":"…"}}, the schema exactly as written, declaring draft-07 as Redpanda requires. */
  public static String schemaRegistryRequest(JsonSchema valueSchema) {
    ObjectNode request = JSON.createObjectNode().put("schemaType", "JSON").put("schema", draft07Text(valueSchema));
    return request.toString();
  }

  /** {@code {"schemaType": …, "schema": …}} for a schema in any format, exactly as written. */
  public static String schemaRegistryRequest(ValueSchema valueSchema) {
    if (valueSchema instanceof JsonValueSchema json) {
      return schemaRegistryRequest(json.jsonSchema());
    }
    return JSON.createObjectNode().put("schemaType", valueSchema.format().schemaType())
        .put("schema", valueSchema.text()).toString();
  }

  /**
   * {@code redpanda.iceberg.mode}: {@code key_value}, {@code value_schema_id_prefix}, or {@code value_schema_latest}
   * with {@code :protobuf_name=<message>} where the topic names its Protobuf message ({@code model.cc},
   * {@code parse_config_options}; docs/redpanda-contract.md 12.1).
   */
  public static String modeProperty(IcebergTopic topic) {
    return topic.mode().propertyValue() + topic.protobufName().map(message -> ":protobuf_name=" + message).orElse("");
  }

  /** The topic configuration of an Iceberg topic: the cluster's defaults except where the topic says otherwise. */
  public static Map<String, String> topicConfigs(IcebergTopic topic, Optional<Duration> targetLag) {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put(ICEBERG_MODE, modeProperty(topic));
    targetLag.ifPresent(lag -> configs.put(TARGET_LAG, Long.toString(lag.toMillis())));
    topic.partitionSpec().ifPresent(spec -> configs.put(PARTITION_SPEC, spec));
    if (topic.invalidRecords() != IcebergTopic.InvalidRecordAction.DLQ_TABLE) {
      configs.put(INVALID_RECORD_ACTION, topic.invalidRecords().propertyValue());
    }
    return configs;
  }

  /**
   * The schema exactly as written, which must declare exactly {@value #DRAFT_07}. Redpanda matches the
   * dialect by the exact identifier (its JSON Schema frontend's {@code dialect_by_schema_id} table in
   * {@code iceberg/conversion/json_schema/ir.h}), so {@code https://…} or a missing {@code #} is another
   * dialect to it, and a schema without {@code $schema} has none ("Schema dialect is not set"): both are
   * refused here, never corrected, since Redpanda would dead-letter every record.
   */
  static String draft07Text(JsonSchema valueSchema) {
    JsonNode dialect = valueSchema.root().get("$schema");
    if (dialect == null) {
      throw new IllegalArgumentException("the JSON Schema has no \"$schema\", and Redpanda derives Iceberg columns"
          + " only from a schema that declares draft-07 (\"Schema dialect is not set\"); declare \"$schema\": \""
          + DRAFT_07 + "\"");
    }
    if (!dialect.isTextual() || !DRAFT_07.equals(dialect.asText())) {
      throw new IllegalArgumentException("the JSON Schema declares \"$schema\": " + dialect + ", but Redpanda derives"
          + " Iceberg columns only from draft-07, which it recognises by the exact identifier; declare \"$schema\": \""
          + DRAFT_07 + "\"");
    }
    return valueSchema.text();
  }

  private void createTopic(IcebergTopic icebergTopic) {
    String topic = icebergTopic.name();
    try (Admin admin = admin()) {
      // The cluster's default replication factor, and partition count unless the topic names one.
      Optional<Integer> partitions = icebergTopic.partitions().isPresent()
          ? Optional.of(icebergTopic.partitions().getAsInt()) : Optional.empty();
      NewTopic newTopic = new NewTopic(topic, partitions, Optional.empty())
          .configs(topicConfigs(icebergTopic, targetLag));
      try {
        admin.createTopics(List.of(newTopic)).all().get(TOPIC_READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("could not create Iceberg topic " + topic + ": " + e.getCause(), e.getCause());
        }
        requireIcebergMode(admin, topic, modeProperty(icebergTopic));
      }
      Awaitility.await("every partition of " + topic + " has a leader")
          .atMost(TOPIC_READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
              .allMatch(partition -> partition.leader() != null));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Redpanda did not answer about Iceberg topic " + topic + " within "
          + TOPIC_READY_TIMEOUT + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topic, e);
    }
  }

  /** An existing topic will do only when Redpanda translates it the way the spec expects. */
  private static void requireIcebergMode(Admin admin, String topic, String expected)
      throws ExecutionException, InterruptedException, TimeoutException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    var entry = admin.describeConfigs(List.of(resource)).all()
        .get(TOPIC_READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource).get(ICEBERG_MODE);
    String mode = entry == null ? null : entry.value();
    if (!expected.equals(mode)) {
      throw new IllegalStateException("topic " + topic + " exists with " + ICEBERG_MODE + "=" + mode + ", not " + expected
          + ", so its records would not be translated as the spec expects; delete it or use another topic name");
    }
  }
}
