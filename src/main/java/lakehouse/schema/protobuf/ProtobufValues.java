package lakehouse.schema.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed message as a row, the way Redpanda 25.3 converts it ({@code iceberg/conversion/values_protobuf.cc}):
 * driven by the descriptor, every field in declaration order.
 *
 * <p>Absent fields: a field with presence (proto2 optional and required, proto3 {@code optional}, oneof members,
 * messages) is NULL unless it has a proto2 {@code [default = …]}; one without (proto3 implicit scalars) is the
 * type's default; a repeated field is an empty list and a map an empty map. Two exceptions, as in Redpanda: an absent
 * enum or bytes field with presence is NULL even with a {@code [default]}. An enum number the enum does not define
 * gives the name of the field's default value. In a map entry an absent value is NULL; an absent key is the key type's
 * default in proto3, but in proto2 (where the key has presence) the record cannot be translated.
 */
final class ProtobufValues {
  private ProtobufValues() {}

  /** The top-level message's columns; its own depth is 1, as Redpanda's descriptor stack then holds it. */
  static Map<String, Object> row(Parsed message) {
    return struct(message, 1);
  }

  private static Map<String, Object> struct(Parsed message, int depth) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (FieldDescriptor field : message.descriptor.getFields()) {
      row.put(field.getName(), field(message.fields.get(field.getNumber()), field, depth));
    }
    return row;
  }

  private static Object field(Object raw, FieldDescriptor field, int depth) {
    if (field.isMapField()) {
      return map((Parsed.MapEntries) raw, field, depth);
    }
    if (field.isRepeated()) {
      List<Object> list = new ArrayList<>();
      if (raw != null) {
        for (Object element : ((Parsed.Repeated) raw).elements) {
          list.add(single(element, field, depth));
        }
      }
      return list;
    }
    return single(raw, field, depth);
  }

  /** {@code convert_map}: keys converted as their field, a key left out must still give a value. */
  private static Map<Object, Object> map(Parsed.MapEntries raw, FieldDescriptor field, int depth) {
    Map<Object, Object> map = new LinkedHashMap<>();
    if (raw == null) {
      return map;
    }
    FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
    FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
    for (Map.Entry<Object, Object> entry : raw.entries.entrySet()) {
      Object key = single(entry.getKey() == Parsed.ABSENT ? null : entry.getKey(), keyField, depth);
      if (key == null) {
        throw new IllegalArgumentException("Map key must exist. Map field " + ProtobufRules.declaration(field));
      }
      Object value = entry.getValue() == Parsed.ABSENT ? null : single(entry.getValue(), valueField, depth);
      map.putIfAbsent(key, value);
    }
    return map;
  }

  /** {@code single_field_to_value}: one value, or what an absent one becomes. */
  private static Object single(Object raw, FieldDescriptor field, int depth) {
    return switch (field.getType()) {
      case DOUBLE, FLOAT, INT32, SINT32, SFIXED32, INT64, SINT64, SFIXED64, BOOL -> raw != null ? raw : absent(field);
      case UINT32, FIXED32 -> {
        Object value = raw != null ? raw : absent(field);
        yield value == null ? null : Integer.toUnsignedLong((Integer) value);
      }
      case UINT64, FIXED64 -> {
        Object value = raw != null ? raw : absent(field);
        yield value == null ? null : Long.toUnsignedString((Long) value);
      }
      case STRING -> raw != null ? ((ByteString) raw).toStringUtf8() : absent(field);
      case BYTES -> raw != null ? ((ByteString) raw).toByteArray() : field.hasPresence() ? null : new byte[0];
      case ENUM -> enumName(raw, field);
      case MESSAGE -> message((Parsed) raw, field, depth);
      case GROUP -> throw new IllegalArgumentException("Protocol buffers type 'group' conversion is not supported");
    };
  }

  /** {@code convert}: NULL where the field has presence and no declared default, else the default. */
  private static Object absent(FieldDescriptor field) {
    if (field.hasPresence() && !field.hasDefaultValue()) {
      return null;
    }
    return field.getDefaultValue();
  }

  private static String enumName(Object raw, FieldDescriptor field) {
    // default_value_enum(): the declared default, else the enum's first value (a repeated field declares none).
    String defaultName = field.isRepeated() ? field.getEnumType().getValues().get(0).getName()
        : ((EnumValueDescriptor) field.getDefaultValue()).getName();
    if (raw == null) {
      return field.hasPresence() ? null : defaultName;
    }
    EnumValueDescriptor value = field.getEnumType().findValueByNumber((Integer) raw);
    return value == null ? defaultName : value.getName();
  }

  private static Object message(Parsed raw, FieldDescriptor field, int depth) {
    if (raw == null) {
      return null;
    }
    return switch (MessageKind.of(field.getMessageType())) {
      case TIMESTAMP -> timestamp(raw);
      case JSON_STRUCT -> StructJson.ofStruct(raw, depth);
      case JSON_VALUE -> StructJson.ofValue(raw, depth);
      case JSON_LIST -> StructJson.ofList(raw, depth);
      case DATE -> date(raw);
      case RESERVED -> throw new IllegalArgumentException("Protocol buffer field " + ProtobufRules.declaration(field)
          + " not supported - unhandled redpanda.datalake type " + field.getMessageType().getFullName());
      case STRUCT -> struct(raw, depth + 1);
    };
  }

  /**
   * {@code convert_timestamp}: the epoch plus seconds plus nanoseconds, in microseconds rounded toward negative
   * infinity ({@code absl::ToUnixMicros}); beyond a long's range it saturates, as absl's infinite times do.
   */
  private static OffsetDateTime timestamp(Parsed timestamp) {
    long seconds = (Long) timestamp.fields.getOrDefault(1, 0L);
    int nanos = (Integer) timestamp.fields.getOrDefault(2, 0);
    long micros;
    try {
      micros = Math.addExact(Math.multiplyExact(seconds, 1_000_000L), Math.floorDiv(nanos, 1000));
    } catch (ArithmeticException e) {
      micros = seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    Instant instant =
        Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** {@code convert_date}: the {@code date} field, days since 1970-01-01; a Date without it is an error. */
  private static LocalDate date(Parsed date) {
    Object days = date.fields.get(1);
    if (days == null) {
      throw new IllegalArgumentException("Date message missing 'date' field");
    }
    if (!(days instanceof Integer day)) {
      throw new IllegalArgumentException("redpanda.datalake.Date's field 1 is not an int32");
    }
    return LocalDate.ofEpochDay(day);
  }
}
