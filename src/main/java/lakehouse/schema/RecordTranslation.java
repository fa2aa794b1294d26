package lakehouse.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one record's value into a row the way Redpanda's {@code value_schema_latest} mode does
 * (docs/redpanda-contract.md §2–3): a converter, not a validator. Every column is optional, so a
 * missing or null property is a NULL; properties the schema does not name are ignored; {@code required},
 * {@code enum}, {@code minimum} and the like are not checked. A value whose JSON type does not fit its
 * column, a fractional integer, or a malformed {@code format} string cannot be translated, and the
 * record goes to the dead-letter table. So does JSON {@code null} where an object or a list is expected,
 * since Redpanda's decoder wants the object or array to start there; a null list element is a NULL.
 *
 * <p>Values come out as the Iceberg sink's record converter takes them: Long, Double, Boolean, String,
 * OffsetDateTime (UTC), LocalDate, LocalTime (UTC), List and Map (structs).
 */
public final class RecordTranslation {
  /** Redpanda's limit for a date, time or date-time string, in bytes. */
  static final int MAX_FORMAT_BYTES = 32;
  /** Reads one JSON value; like Redpanda's parser it never looks at bytes after it. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode schema;

  public RecordTranslation(JsonSchema schema) {
    this.schema = schema.root();
  }

  /** The record as a row, column name to value; throws {@link UntranslatableRecordException} with the reason. */
  public Map<String, Object> translate(byte[] value) {
    JsonNode tree;
    try {
      tree = value.length == 0 ? null : JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw new UntranslatableRecordException("the value is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UntranslatableRecordException("the value could not be read: " + e.getMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      throw new UntranslatableRecordException("the value is empty");
    }
    return translate(tree);
  }

  /** The same for a value already parsed. */
  public Map<String, Object> translate(JsonNode tree) {
    if (!"object".equals(IcebergTypes.jsonType(schema))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(IcebergTypes.ROOT_COLUMN, value(schema, tree, "$"));
      return row;
    }
    if (!tree.isObject()) {
      throw mismatch("$", "object", tree);
    }
    return struct(schema, tree, "$");
  }

  private static Map<String, Object> struct(JsonNode schema, JsonNode value, String path) {
    Map<String, Object> row = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      JsonNode field = value.get(property.getKey());
      row.put(property.getKey(), field == null ? null : value(property.getValue(), field, path + "." + property.getKey()));
    }
    return row;
  }

  /** NULL for a JSON null, except where an object or a list must start. */
  private static Object value(JsonNode schema, JsonNode value, String path) {
    if (!value.isNull()) {
      return convert(schema, value, path);
    }
    String type = IcebergTypes.jsonType(schema);
    if (type.equals("object") || type.equals("array")) {
      throw mismatch(path, type, value);
    }
    return null;
  }

  private static Object convert(JsonNode schema, JsonNode value, String path) {
    String type = IcebergTypes.jsonType(schema);
    return switch (type) {
      case "integer" -> integer(value, path);
      case "number" -> {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
          throw mismatch(path, "number", value);
        }
        yield value.doubleValue();
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          throw mismatch(path, "boolean", value);
        }
        yield value.booleanValue();
      }
      case "string" -> string(schema, value, path);
      case "object" -> {
        if (!value.isObject()) {
          throw mismatch(path, "object", value);
        }
        yield struct(schema, value, path);
      }
      case "array" -> list(schema, value, path);
      default -> throw new IllegalStateException("schema type " + type + " at " + path + " passed the schema rules");
    };
  }

  /** Integral JSON numbers, and doubles with no fractional part (42.0, 4.2e1), within a long. */
  private static Long integer(JsonNode value, String path) {
    if (!value.isNumber()) {
      throw mismatch(path, "integer", value);
    }
    if (value.canConvertToExactIntegral() && value.canConvertToLong()) {
      return value.longValue();
    }
    throw new UntranslatableRecordException(path + ": cannot convert non-integer double value " + value
        + " to an integer without precision loss");
  }

  private static List<Object> list(JsonNode schema, JsonNode value, String path) {
    if (!value.isArray()) {
      throw mismatch(path, "array", value);
    }
    JsonNode items = IcebergTypes.items(schema);
    List<Object> list = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      list.add(value(items, value.get(i), path + "[" + i + "]"));
    }
    return list;
  }

  private static Object string(JsonNode schema, JsonNode value, String path) {
    if (!value.isTextual()) {
      throw mismatch(path, "string", value);
    }
    String text = value.textValue();
    String format = schema.path("format").asText("");
    if (!IcebergTypes.TEMPORAL_FORMATS.contains(format)) {
      return text;
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_FORMAT_BYTES) {
      throw new UntranslatableRecordException(path + ": a " + format + " string of more than " + MAX_FORMAT_BYTES
          + " bytes: " + abbreviate(text));
    }
    try {
      return switch (format) {
        case "date-time" -> Rfc3339.dateTime(text);
        case "date" -> Rfc3339.date(text);
        default -> Rfc3339.time(text);
      };
    } catch (IllegalArgumentException e) {
      throw new UntranslatableRecordException(path + ": " + e.getMessage());
    }
  }

  private static UntranslatableRecordException mismatch(String path, String expected, JsonNode value) {
    return new UntranslatableRecordException(path + ": mismatch between JSON value " + abbreviate(String.valueOf(value))
        + " and schema type " + expected);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
