package lakehouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg tables Redpanda 25.3 makes for an Iceberg topic in {@code value_schema_latest} mode
 * (docs/redpanda-contract.md §2, §4, §5): the {@code redpanda} metadata struct first, then one column
 * per property of the value's JSON Schema, sorted by name, every one optional: {@code integer}→long,
 * {@code number}→double, {@code string}→string, {@code boolean}→boolean, {@code string} with
 * {@code format} {@code date-time}, {@code date} or {@code time}→timestamptz, date or time,
 * objects→structs, arrays→lists with optional elements. A schema whose root is not an object gives one
 * column, {@value #ROOT_COLUMN}. A property named {@code redpanda} becomes {@code redpanda.data}.
 */
public final class IcebergTypes {
  /** The name of the metadata struct Redpanda adds to every Iceberg topic's table. */
  public static final String REDPANDA_METADATA = "redpanda";
  /** Where a value property named {@code redpanda} goes, inside the metadata struct. */
  public static final String USER_REDPANDA_FIELD = "data";
  /** The one value column of a schema whose root is not an object. */
  public static final String ROOT_COLUMN = "root";
  /** {@code format} values that become Iceberg temporal types; any other format is a plain string. */
  static final Set<String> TEMPORAL_FORMATS = Set.of("date-time", "date", "time");

  private IcebergTypes() {}

  /** The table schema of an Iceberg topic: Redpanda's metadata struct, then the value's columns. */
  public static Schema tableSchema(JsonSchema valueSchema) {
    AtomicInteger ids = new AtomicInteger();
    List<Types.NestedField> columns = new ArrayList<>();
    JsonNode userRedpanda = valueSchema.isObject() ? valueSchema.properties().get(REDPANDA_METADATA) : null;
    columns.add(redpandaColumn(ids, userRedpanda, null));
    columns.addAll(valueColumns(valueSchema, ids));
    return new Schema(columns);
  }

  /**
   * The table schema for value columns of any format ({@link ValueSchema#valueType()}): Redpanda's metadata
   * struct, then the columns in their order; a value field named {@code redpanda} moves into the struct as
   * {@code redpanda.data} (record_translator.cc, build_type). Field IDs are assigned afresh.
   */
  public static Schema tableSchema(Types.StructType valueColumns) {
    Types.NestedField userRedpanda = valueColumns.field(REDPANDA_METADATA);
    List<Types.NestedField> columns = new ArrayList<>();
    columns.add(redpandaColumn(new AtomicInteger(1000), null, userRedpanda == null ? null : userRedpanda.type()));
    valueColumns.fields().stream().filter(field -> !field.name().equals(REDPANDA_METADATA)).forEach(columns::add);
    AtomicInteger ids = new AtomicInteger();
    return new Schema(((Types.StructType) TypeUtil.assignFreshIds(Types.StructType.of(columns), ids::incrementAndGet))
        .fields());
  }

  /**
   * A {@code key_value} topic's table: the metadata struct, then the value as raw bytes, the same shape as a
   * dead-letter table (table_definition.cc, schemaless_struct_type; record_translator.cc key_value_translator).
   */
  public static Schema keyValueSchema() {
    return deadLetterSchema();
  }

  /** Redpanda's dead-letter table of a topic: records that could not be translated, kept whole. */
  public static String deadLetterTable(String topic) {
    return topic + "~dlq";
  }

  /** The dead-letter table's columns: the metadata struct, then the record's value as raw bytes. */
  public static Schema deadLetterSchema() {
    AtomicInteger ids = new AtomicInteger();
    return new Schema(
        redpandaColumn(ids, null, null),
        Types.NestedField.optional(ids.incrementAndGet(), "value", Types.BinaryType.get()));
  }

  /** Only the columns derived from the value, as Redpanda derives them. */
  public static Types.StructType valueType(JsonSchema valueSchema) {
    return Types.StructType.of(valueColumns(valueSchema, new AtomicInteger()));
  }

  private static List<Types.NestedField> valueColumns(JsonSchema valueSchema, AtomicInteger ids) {
    if (!valueSchema.isObject()) {
      return List.of(Types.NestedField.optional(ids.incrementAndGet(), ROOT_COLUMN,
          icebergType(valueSchema.root(), ids, "$")));
    }
    List<Types.NestedField> fields = structFields(valueSchema.properties(), ids, "$");
    fields.removeIf(field -> field.name().equals(REDPANDA_METADATA));
    return fields;
  }

  /**
   * Where each Kafka record came from: partition, offset, timestamp, headers, key and timestamp type,
   * every field optional (table_definition.cc, schemaless_struct_type), then a user's own
   * {@code redpanda} property, if the value has one (record_translator.cc, build_type).
   */
  private static Types.NestedField redpandaColumn(AtomicInteger ids, JsonNode userRedpanda, Type userRedpandaType) {
    int structId = ids.incrementAndGet();
    List<Types.NestedField> fields = new ArrayList<>();
    fields.add(Types.NestedField.optional(ids.incrementAndGet(), "partition", Types.IntegerType.get()));
    fields.add(Types.NestedField.optional(ids.incrementAndGet(), "offset", Types.LongType.get()));
    fields.add(Types.NestedField.optional(ids.incrementAndGet(), "timestamp", Types.TimestampType.withZone()));
    int headers = ids.incrementAndGet();
    int header = ids.incrementAndGet();
    Types.StructType headerType = Types.StructType.of(
        Types.NestedField.optional(ids.incrementAndGet(), "key", Types.StringType.get()),
        Types.NestedField.optional(ids.incrementAndGet(), "value", Types.BinaryType.get()));
    fields.add(Types.NestedField.optional(headers, "headers", Types.ListType.ofOptional(header, headerType)));
    fields.add(Types.NestedField.optional(ids.incrementAndGet(), "key", Types.BinaryType.get()));
    fields.add(Types.NestedField.optional(ids.incrementAndGet(), "timestamp_type", Types.IntegerType.get()));
    if (userRedpanda != null) {
      fields.add(Types.NestedField.optional(ids.incrementAndGet(), USER_REDPANDA_FIELD,
          icebergType(userRedpanda, ids, "$." + REDPANDA_METADATA)));
    } else if (userRedpandaType != null) {
      fields.add(Types.NestedField.optional(ids.incrementAndGet(), USER_REDPANDA_FIELD, userRedpandaType));
    }
    return Types.NestedField.optional(structId, REDPANDA_METADATA, Types.StructType.of(fields));
  }

  /** One optional field per property, sorted by name (ir_json.cc sorts the property keys). */
  private static List<Types.NestedField> structFields(JsonNode properties, AtomicInteger ids, String path) {
    List<Types.NestedField> fields = new ArrayList<>();
    for (String name : propertyNames(properties)) {
      int id = ids.incrementAndGet();
      fields.add(Types.NestedField.optional(id, name, icebergType(properties.get(name), ids, path + "." + name)));
    }
    return fields;
  }

  /** The property names in the order Redpanda gives their columns. */
  static Set<String> propertyNames(JsonNode properties) {
    Set<String> names = new TreeSet<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static Type icebergType(JsonNode property, AtomicInteger ids, String path) {
    String type = jsonType(property);
    return switch (type) {
      case "integer" -> Types.LongType.get();
      case "number" -> Types.DoubleType.get();
      case "boolean" -> Types.BooleanType.get();
      case "string" -> switch (property.path("format").asText("")) {
        case "date-time" -> Types.TimestampType.withZone();
        case "date" -> Types.DateType.get();
        case "time" -> Types.TimeType.get();
        default -> Types.StringType.get();
      };
      case "object" -> Types.StructType.of(structFields(property.path("properties"), ids, path));
      case "array" -> Types.ListType.ofOptional(ids.incrementAndGet(), icebergType(items(property), ids, path + "[]"));
      default -> throw new IllegalArgumentException("JSON Schema property " + path + " has type '" + type
          + "', which has no Iceberg column type; use integer, number, string, boolean, object or array");
    };
  }

  /**
   * The element schema of an array: {@code items}; for a tuple, its first entry (the schema rules
   * make every entry agree), or {@code additionalItems} when the tuple is empty.
   */
  static JsonNode items(JsonNode arraySchema) {
    JsonNode items = arraySchema.path("items");
    if (!items.isArray()) {
      return items;
    }
    return items.isEmpty() ? arraySchema.path("additionalItems") : items.get(0);
  }

  /** The one type of a subschema other than {@code "null"}: {@code ["string", "null"]} is a string. */
  static String jsonType(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
      return "null";
    }
    return type.asText("");
  }
}
