package lakehouse.schema.protobuf;

import com.google.protobuf.Descriptors.Descriptor;

/**
 * How Redpanda treats a message type where a field uses it ({@code schema_protobuf.cc} {@code from_protobuf},
 * {@code values_protobuf.cc} {@code single_field_to_value}): a few types become one column of their own, the
 * {@code redpanda.datalake} namespace is reserved, every other message is a struct. Well-known types are recognised by
 * full name, as protobuf's {@code well_known_type()} does.
 */
enum MessageKind {
  /** {@code google.protobuf.Timestamp}: timestamptz. */
  TIMESTAMP,
  /** {@code google.protobuf.Struct}: a string holding the JSON object. */
  JSON_STRUCT,
  /** {@code google.protobuf.Value}: a string holding the JSON value. */
  JSON_VALUE,
  /** {@code google.protobuf.ListValue}: a string holding the JSON array. */
  JSON_LIST,
  /** {@code redpanda.datalake.Date}: date, from its {@code int32 date = 1} (days since 1970-01-01). */
  DATE,
  /** Any other {@code redpanda.datalake.*} type: refused, so that Redpanda may give it a meaning later. */
  RESERVED,
  /** Every other message, Duration, wrappers, Any, Empty and FieldMask included: a struct of its fields. */
  STRUCT;

  /** Redpanda's namespace for its own well-known types ({@code protobuf_utils.h}). */
  static final String DATALAKE_PREFIX = "redpanda.datalake.";
  static final String DATALAKE_DATE = "redpanda.datalake.Date";

  static MessageKind of(Descriptor message) {
    String name = message.getFullName();
    return switch (name) {
      case "google.protobuf.Timestamp" -> TIMESTAMP;
      case "google.protobuf.Struct" -> JSON_STRUCT;
      case "google.protobuf.Value" -> JSON_VALUE;
      case "google.protobuf.ListValue" -> JSON_LIST;
      case DATALAKE_DATE -> DATE;
      default -> name.startsWith(DATALAKE_PREFIX) ? RESERVED : STRUCT;
    };
  }
}
