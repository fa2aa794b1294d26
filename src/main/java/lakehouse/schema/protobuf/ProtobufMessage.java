package lakehouse.schema.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lakehouse.schema.SchemaRules;
import lakehouse.schema.UntranslatableRecordException;
import lakehouse.schema.ValueFormat;
import lakehouse.schema.ValueSchema;
import org.apache.iceberg.types.Types;

/**
 * One message of a {@link ProtobufSchema}: the one a record's Schema Registry message indexes, or the topic's
 * {@code protobuf_name}, picks. Its rules, columns and row translation are Redpanda 25.3's
 * ({@link ProtobufRules}, {@link ProtobufTypes}, {@link WireParser}, {@link ProtobufValues}).
 */
public final class ProtobufMessage implements ValueSchema {
  private final ProtobufSchema schema;
  private final Descriptor descriptor;
  private final List<Integer> indexes;
  private final List<SchemaRules.Violation> violations;

  ProtobufMessage(ProtobufSchema schema, Descriptor descriptor, List<Integer> indexes) {
    this.schema = schema;
    this.descriptor = descriptor;
    this.indexes = List.copyOf(indexes);
    this.violations = List.copyOf(ProtobufRules.violations(descriptor));
  }

  @Override
  public ValueFormat format() {
    return ValueFormat.PROTOBUF;
  }

  /** The whole {@code .proto} file, as registered. */
  @Override
  public String text() {
    return schema.text();
  }

  /** The message's full name, package included. */
  public String fullName() {
    return descriptor.getFullName();
  }

  /** The message indexes that reach it from the file: top-level message, then nested types. */
  public List<Integer> indexes() {
    return indexes;
  }

  public Descriptor descriptor() {
    return descriptor;
  }

  @Override
  public List<SchemaRules.Violation> violations() {
    return violations;
  }

  /**
   * @throws IllegalArgumentException when the message breaks Redpanda's rules: Redpanda derives no columns then, and
   *     every record goes to the dead-letter table
   */
  @Override
  public Types.StructType valueType() {
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(refusal());
    }
    return ProtobufTypes.valueType(descriptor);
  }

  /**
   * The message's bytes, after the Schema Registry header and message indexes, as a row.
   *
   * @throws UntranslatableRecordException when Redpanda would dead-letter the record: the message breaks Redpanda's
   *     rules, the bytes do not parse, or a value cannot be converted
   */
  @Override
  public Map<String, Object> translate(byte[] payload) {
    if (!violations.isEmpty()) {
      throw new UntranslatableRecordException(refusal());
    }
    Parsed parsed;
    try {
      parsed = WireParser.parse(payload, descriptor);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UntranslatableRecordException("exception thrown while parsing protobuf " + fullName() + " - "
          + e.getMessage());
    }
    try {
      return ProtobufValues.row(parsed);
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw new UntranslatableRecordException("protobuf " + fullName() + " cannot be converted: " + e.getMessage());
    }
  }

  private String refusal() {
    return "Redpanda cannot translate Protobuf message " + fullName() + ", so every record goes to the dead-letter"
        + " table: " + violations.stream().map(SchemaRules.Violation::toString).collect(Collectors.joining("; "));
  }

  /** The value as a Protobuf producer writes it, read from proto3's JSON mapping of this message. */
  @Override
  public byte[] encode(String valueText) {
    DynamicMessage.Builder message = DynamicMessage.newBuilder(descriptor);
    try {
      JsonFormat.parser().merge(valueText, message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a " + fullName() + " in proto3's JSON mapping: " + valueText + " ("
          + e.getMessage() + ")", e);
    }
    return message.build().toByteArray();
  }

  @Override
  public String toString() {
    return "Protobuf message " + fullName() + " " + indexes;
  }
}
