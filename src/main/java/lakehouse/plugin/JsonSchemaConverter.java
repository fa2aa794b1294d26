package lakehouse.plugin;

import java.util.Map;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.RecordTranslation;
import lakehouse.schema.UntranslatableRecordException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;

/**
 * Translates plain JSON values with the Iceberg topic's JSON Schema ({@value #SCHEMA_CONFIG}) exactly
 * as Redpanda does ({@link RecordTranslation}). A record Redpanda would send to the dead-letter table
 * fails here, in the converter, where Kafka Connect's error handling routes it to the dead-letter
 * topic; a failure later, inside the Iceberg sink, would kill the task instead.
 */
public final class JsonSchemaConverter implements Converter {
  public static final String SCHEMA_CONFIG = "json.schema";

  private final JsonConverter json = new JsonConverter();
  private RecordTranslation translation;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Object schema = configs.get(SCHEMA_CONFIG);
    if (schema == null) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " needs the JSON Schema in '" + SCHEMA_CONFIG + "'");
    }
    translation = new RecordTranslation(JsonSchema.parse(schema.toString()));
    json.configure(Map.of("schemas.enable", "false"), isKey);
  }

  /** A row, or a dead letter; a tombstone too is a dead letter, as on Redpanda (record_translator.cc). */
  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      throw new DataException("record in " + topic + " cannot be translated: tombstones cannot be translated");
    }
    try {
      return new SchemaAndValue(null, translation.translate(value));
    } catch (UntranslatableRecordException e) {
      throw new DataException("record in " + topic + " cannot be translated: " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    return json.fromConnectData(topic, schema, value);
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef().define(SCHEMA_CONFIG, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH,
        "the JSON Schema records are translated with");
  }
}
