package lakehouse.plugin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lakehouse.schema.UntranslatableRecordException;
import lakehouse.schema.ValueFormat;
import lakehouse.schema.ValueSchema;
import lakehouse.schema.WireFormat;
import lakehouse.schema.formats.ValueSchemas;
import lakehouse.schema.protobuf.ProtobufSchema;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Translates values whose schema is in the Schema Registry, as Redpanda's {@code value_schema_id_prefix} and
 * {@code value_schema_latest} modes do for Avro, Protobuf and JSON Schema (docs/redpanda-contract.md §11–14):
 * in {@code value_schema_id_prefix} each value carries the wire-format header and is read with exactly the schema
 * its ID names (for Protobuf, the message its indexes name); in {@code value_schema_latest} the value is bare and
 * read with the subject's latest schema (for Protobuf, the message {@value #PROTOBUF_NAME_CONFIG} names, else the
 * file's first). A record Redpanda would dead-letter fails here, where Kafka Connect routes it to the dead-letter
 * topic; a registry that does not answer, or a {@value #PROTOBUF_NAME_CONFIG} the latest schema has no message of, is
 * retriable, as Redpanda pauses.
 *
 * <p>Each row carries its value columns under {@link TableAtFirstRecord#VALUE_TYPE_KEY}, so the table is made,
 * or evolved, from the schema the record was written with.
 */
public final class SchemaRegistryConverter implements Converter {
  public static final String MODE_CONFIG = "mode";
  public static final String REGISTRY_URL_CONFIG = "schema.registry.url";
  public static final String SUBJECT_CONFIG = "subject";
  public static final String PROTOBUF_NAME_CONFIG = "protobuf.name";
  public static final String LATEST_TTL_CONFIG = "latest.schema.ttl.ms";
  public static final String ID_PREFIX = "value_schema_id_prefix";
  public static final String LATEST = "value_schema_latest";

  private final Map<String, ValueSchema> schemas = new ConcurrentHashMap<>();
  private RegistryLookup registry;
  private boolean idPrefix;
  private String subject;
  private Optional<String> protobufName;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    String mode = String.valueOf(configs.get(MODE_CONFIG));
    if (!mode.equals(ID_PREFIX) && !mode.equals(LATEST)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " needs '" + MODE_CONFIG + "' " + ID_PREFIX
          + " or " + LATEST + ", not " + mode);
    }
    Object url = configs.get(REGISTRY_URL_CONFIG);
    if (url == null) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " needs the Schema Registry in '"
          + REGISTRY_URL_CONFIG + "'");
    }
    Object ttl = configs.get(LATEST_TTL_CONFIG);
    registry = new RegistryLookup(url.toString(), Duration.ofMillis(ttl == null ? 0 : Long.parseLong(ttl.toString())));
    idPrefix = mode.equals(ID_PREFIX);
    subject = configs.get(SUBJECT_CONFIG) == null ? null : configs.get(SUBJECT_CONFIG).toString();
    if (!idPrefix && subject == null) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " in " + LATEST + " needs '" + SUBJECT_CONFIG + "'");
    }
    protobufName = Optional.ofNullable(configs.get(PROTOBUF_NAME_CONFIG)).map(Object::toString).filter(s -> !s.isEmpty());
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      throw new DataException("record in " + topic + " cannot be translated: tombstones cannot be translated");
    }
    try {
      return new SchemaAndValue(null, translate(value));
    } catch (IllegalArgumentException e) { // UntranslatableRecordException too, and a schema that cannot be read
      throw new DataException("record in " + topic + " cannot be translated: " + e.getMessage(), e);
    }
  }

  private Map<String, Object> translate(byte[] value) {
    RegistryLookup.Registered registered;
    byte[] payload;
    List<Integer> indexes = List.of(0);
    if (idPrefix) {
      WireFormat.Header header = WireFormat.header(value);
      registered = registry.byId(header.schemaId());
      if (ValueSchemas.format(registered.schemaType()) == ValueFormat.PROTOBUF) {
        header = WireFormat.protobufHeader(value); // the message indexes follow the ID
      }
      indexes = header.messageIndexes();
      payload = header.payload(value);
    } else {
      registered = registry.latest(subject);
      payload = value;
    }
    ValueSchema schema = schemaOf(registered, indexes);
    if (!schema.violations().isEmpty()) {
      throw new UntranslatableRecordException("schema " + registered.id() + " breaks Redpanda's rules: "
          + schema.violations());
    }
    Map<String, Object> row = new LinkedHashMap<>(schema.translate(payload));
    row.put(TableAtFirstRecord.VALUE_TYPE_KEY, schema.valueType());
    return row;
  }

  private ValueSchema schemaOf(RegistryLookup.Registered registered, List<Integer> indexes) {
    String key = registered.id() + "/" + indexes + "/" + protobufName.orElse("");
    return schemas.computeIfAbsent(key, k -> read(registered, indexes));
  }

  /**
   * The registered schema as the record's value is read. A {@code protobuf_name} that names no message of the
   * latest schema is Redpanda's {@code invalid_config} ({@code record_schema_resolver.cc}
   * {@code compute_message_offsets}): translation pauses until the topic names a message the schema has, so the
   * failure is retriable, not a dead letter.
   */
  private ValueSchema read(RegistryLookup.Registered registered, List<Integer> indexes) {
    ValueFormat format = ValueSchemas.format(registered.schemaType());
    if (idPrefix || format != ValueFormat.PROTOBUF || protobufName.isEmpty()) {
      return ValueSchemas.of(format, registered.schema(), indexes, Optional.empty());
    }
    ProtobufSchema file = ProtobufSchema.parse(registered.schema());
    try {
      return file.message(protobufName.get());
    } catch (IllegalArgumentException noSuchMessage) {
      throw new RetriableException("schema " + registered.id() + " has no message named '" + protobufName.get()
          + "' (" + PROTOBUF_NAME_CONFIG + "): translation pauses until the topic names one it has, as Redpanda"
          + " pauses on invalid_config", noSuchMessage);
    }
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    throw new UnsupportedOperationException("translation only reads records");
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef()
        .define(MODE_CONFIG, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, ID_PREFIX + " or " + LATEST)
        .define(REGISTRY_URL_CONFIG, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "the Schema Registry")
        .define(SUBJECT_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
            "the subject whose latest schema " + LATEST + " reads")
        .define(PROTOBUF_NAME_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW,
            "the Protobuf message " + LATEST + " reads")
        .define(LATEST_TTL_CONFIG, ConfigDef.Type.LONG, 0L, ConfigDef.Importance.LOW,
            "how long the latest schema is kept, as iceberg_latest_schema_cache_ttl_ms");
  }
}
