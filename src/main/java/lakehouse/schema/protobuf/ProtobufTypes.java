package lakehouse.schema.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg columns Redpanda 25.3 derives from a Protobuf message ({@code iceberg/conversion/schema_protobuf.cc},
 * {@code from_protobuf}): one optional column per field, in declaration order and with the {@code .proto} name,
 * {@code oneof} members each their own column. bool→boolean, double→double, float→float,
 * int32/sint32/sfixed32→int, int64/sint64/sfixed64→long, uint32/fixed32→long (an unsigned 32-bit value fits),
 * uint64/fixed64→string (base 10), string→string, bytes→binary, enum→string (the value's name),
 * message→struct, repeated→list of optional elements, map→map with optional values (Iceberg's keys are always
 * required); google.protobuf.Timestamp→timestamptz, Struct/Value/ListValue→string (JSON),
 * redpanda.datalake.Date→date.
 *
 * <p>Redpanda numbers the fields with their Protobuf field numbers and the table assigns its own ids; here ids are
 * fresh and increasing, as {@link lakehouse.schema.IcebergTypes} assigns them.
 */
final class ProtobufTypes {
  private ProtobufTypes() {}

  /** The columns of a message that breaks none of {@link ProtobufRules}. */
  static Types.StructType valueType(Descriptor message) {
    return struct(message, new AtomicInteger());
  }

  private static Types.StructType struct(Descriptor message, AtomicInteger ids) {
    List<Types.NestedField> fields = new ArrayList<>();
    for (FieldDescriptor field : message.getFields()) {
      int id = ids.incrementAndGet();
      fields.add(Types.NestedField.optional(id, field.getName(), fieldType(field, ids)));
    }
    return Types.StructType.of(fields);
  }

  private static Type fieldType(FieldDescriptor field, AtomicInteger ids) {
    if (field.isMapField()) {
      FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
      FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
      int keyId = ids.incrementAndGet();
      int valueId = ids.incrementAndGet();
      return Types.MapType.ofOptional(keyId, valueId, type(key, ids), type(value, ids));
    }
    if (field.isRepeated()) {
      int elementId = ids.incrementAndGet();
      return Types.ListType.ofOptional(elementId, type(field, ids));
    }
    return type(field, ids);
  }

  /** One value of the field, whatever its label. */
  private static Type type(FieldDescriptor field, AtomicInteger ids) {
    return switch (field.getType()) {
      case BOOL -> Types.BooleanType.get();
      case DOUBLE -> Types.DoubleType.get();
      case FLOAT -> Types.FloatType.get();
      case INT32, SINT32, SFIXED32 -> Types.IntegerType.get();
      case INT64, SINT64, SFIXED64, UINT32, FIXED32 -> Types.LongType.get();
      case UINT64, FIXED64, STRING, ENUM -> Types.StringType.get();
      case BYTES -> Types.BinaryType.get();
      case MESSAGE -> switch (MessageKind.of(field.getMessageType())) {
        case TIMESTAMP -> Types.TimestampType.withZone();
        case JSON_STRUCT, JSON_VALUE, JSON_LIST -> Types.StringType.get();
        case DATE -> Types.DateType.get();
        case STRUCT -> struct(field.getMessageType(), ids);
        case RESERVED -> throw new IllegalStateException(field.getFullName() + " passed the schema rules");
      };
      case GROUP -> throw new IllegalStateException(field.getFullName() + " passed the schema rules");
    };
  }
}
