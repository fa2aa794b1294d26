package lakehouse.stack.connect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.JsonSchemaValidator;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;

/**
 * Plain JSON values, validated against the Iceberg topic's JSON Schema ({@value #SCHEMA_CONFIG}).
 * A record that is not JSON or does not fit the schema fails here, in the converter, where Kafka
 * Connect's error handling sends it to the dead-letter topic; a failure later, inside the Iceberg
 * sink, would kill the task instead.
 */
public final class JsonSchemaConverter implements Converter {
  public static final String SCHEMA_CONFIG = "json.schema";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper TO_MAP = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private final JsonConverter json = new JsonConverter();
  private JsonSchemaValidator validator;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Object schema = configs.get(SCHEMA_CONFIG);
    if (schema == null) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " needs the JSON Schema in '" + SCHEMA_CONFIG + "'");
    }
    validator = new JsonSchemaValidator(JsonSchema.parse(schema.toString()));
    Map<String, Object> jsonConfig = new HashMap<>(configs);
    jsonConfig.put("schemas.enable", "false");
    json.configure(jsonConfig, isKey);
  }

  /**
   * Parses once: the same tree is validated and then turned into the schemaless map JsonConverter
   * would give (longs for integers, doubles for decimals), which halves the sink's parsing work.
   */
  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(value);
    } catch (IOException e) {
      throw new DataException("record in " + topic + " is not JSON", e);
    }
    validator.violation(tree).ifPresent(violation -> {
      throw new DataException("record in " + topic + " does not match its JSON Schema: " + violation);
    });
    return new SchemaAndValue(null, TO_MAP.convertValue(tree, Object.class));
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    return json.fromConnectData(topic, schema, value);
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef().define(SCHEMA_CONFIG, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH,
        "the JSON Schema records must match");
  }
}
