package lakehouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Derives Iceberg columns from a JSON Schema the way Redpanda's {@code value_schema_latest} mode
 * does: {@code integer}→long, {@code number}→double, {@code string}→string,
 * {@code string}+{@code format: date-time}→timestamptz, {@code boolean}→boolean, objects→structs,
 * arrays→lists. Every column is optional, so a missing optional value never breaks a write.
 */
public final class IcebergTypes {
  /** The name of the metadata struct Redpanda adds to every Iceberg topic's table. */
  public static final String REDPANDA_METADATA = "redpanda";

  private IcebergTypes() {}

  /** The table schema of an Iceberg topic: Redpanda's metadata struct, then the value's columns. */
  public static Schema tableSchema(JsonSchema valueSchema) {
    AtomicInteger ids = new AtomicInteger();
    List<Types.NestedField> columns = new ArrayList<>();
    columns.add(Types.NestedField.optional(ids.incrementAndGet(), REDPANDA_METADATA, redpandaMetadata(ids)));
    columns.addAll(structFields(valueSchema.properties(), ids, "$"));
    return new Schema(columns);
  }

  /** Redpanda's dead-letter table of a topic: records that could not be translated, kept whole. */
  public static String deadLetterTable(String topic) {
    return topic + "~dlq";
  }

  /** The dead-letter table's columns: the metadata struct and the record's value as raw bytes. */
  public static Schema deadLetterSchema() {
    AtomicInteger ids = new AtomicInteger();
    return new Schema(
        Types.NestedField.optional(ids.incrementAndGet(), REDPANDA_METADATA, redpandaMetadata(ids)),
        Types.NestedField.optional(ids.incrementAndGet(), "value", Types.BinaryType.get()));
  }

  /** Only the columns derived from the value, as Redpanda derives them. */
  public static Types.StructType valueType(JsonSchema valueSchema) {
    return Types.StructType.of(structFields(valueSchema.properties(), new AtomicInteger(), "$"));
  }

  /** Partition, offset and timestamp of the Kafka record a row came from. */
  private static Types.StructType redpandaMetadata(AtomicInteger ids) {
    return Types.StructType.of(
        Types.NestedField.optional(ids.incrementAndGet(), "partition", Types.IntegerType.get()),
        Types.NestedField.optional(ids.incrementAndGet(), "offset", Types.LongType.get()),
        Types.NestedField.optional(ids.incrementAndGet(), "timestamp", Types.TimestampType.withZone()));
  }

  private static List<Types.NestedField> structFields(JsonNode properties, AtomicInteger ids, String path) {
    List<Types.NestedField> fields = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries = properties.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      int id = ids.incrementAndGet();
      fields.add(Types.NestedField.optional(id, entry.getKey(),
          icebergType(entry.getValue(), ids, path + "." + entry.getKey())));
    }
    return fields;
  }

  static Type icebergType(JsonNode property, AtomicInteger ids, String path) {
    String type = property.path("type").asText("");
    return switch (type) {
      case "integer" -> Types.LongType.get();
      case "number" -> Types.DoubleType.get();
      case "boolean" -> Types.BooleanType.get();
      case "string" -> "date-time".equals(property.path("format").asText())
          ? Types.TimestampType.withZone()
          : Types.StringType.get();
      case "object" -> Types.StructType.of(structFields(property.path("properties"), ids, path));
      case "array" -> Types.ListType.ofOptional(ids.incrementAndGet(),
          icebergType(property.path("items"), ids, path + "[]"));
      default -> throw new IllegalArgumentException("JSON Schema property " + path + " has type '" + type
          + "', which has no Iceberg column type; use integer, number, string, boolean, object or array");
    };
  }
}
