package lakehouse.schema.formats;

import java.util.List;
import java.util.Optional;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.JsonValueSchema;
import lakehouse.schema.ValueFormat;
import lakehouse.schema.ValueSchema;
import lakehouse.schema.avro.AvroValueSchema;
import lakehouse.schema.protobuf.ProtobufSchema;

/** Reads a registered schema in the format its {@code schemaType} names, as Redpanda's schema resolver does. */
public final class ValueSchemas {
  private ValueSchemas() {}

  /**
   * @param messageIndexes for Protobuf, the wire format's message indexes; ignored otherwise
   * @param protobufName for Protobuf in {@code value_schema_latest}, the message the topic names; it wins over
   *     the indexes
   * @throws IllegalArgumentException where the schema cannot be read, or names no such message
   */
  public static ValueSchema of(ValueFormat format, String text, List<Integer> messageIndexes,
      Optional<String> protobufName) {
    return switch (format) {
      case JSON -> new JsonValueSchema(JsonSchema.parse(text));
      case AVRO -> AvroValueSchema.parse(text);
      case PROTOBUF -> protobufName.isPresent()
          ? ProtobufSchema.parse(text).message(protobufName.get())
          : ProtobufSchema.parse(text).message(messageIndexes);
    };
  }

  /** The format a Schema Registry's {@code schemaType} names; absent means Avro. */
  public static ValueFormat format(String schemaType) {
    for (ValueFormat format : ValueFormat.values()) {
      if (format.schemaType().equals(schemaType)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown schemaType '" + schemaType + "'");
  }
}
