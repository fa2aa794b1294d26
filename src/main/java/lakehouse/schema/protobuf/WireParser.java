package lakehouse.schema.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;

/**
 * Reads a message's bytes the way Redpanda 25.3 does: with its own parser, not protobuf's
 * ({@code serde/protobuf/parser.cc}, {@code wire_format.cc}). Where the two differ, this follows Redpanda's:
 *
 * <ul>
 *   <li>a singular message field seen twice keeps the last one whole (protobuf would merge the two);
 *   <li>a map key seen twice keeps its first value;
 *   <li>within a oneof the last member on the wire wins and clears the others;
 *   <li>enum numbers are kept as numbers, known or not (the translation names them);
 *   <li>strings are not checked for UTF-8;
 *   <li>unknown fields are skipped, but any group wire type (3, 4) fails the record, known or not;
 *   <li>a varint on a field of a fixed, length-delimited or message type is ignored without being consumed, so the
 *       bytes after it are read as the next tag; a fixed64 or fixed32 on a field of another type fails;
 *   <li>packed data for a field that is not a packable repeated field is read and dropped;
 *   <li>{@code required} fields are not enforced;
 *   <li>varints are read as Redpanda's decoder reads them: at most 10 bytes (5 for uint32, sint32 and bool), and
 *       one cut short by the end of the message ends there without an error.
 * </ul>
 *
 * Anything it cannot read throws {@link IllegalArgumentException} with Redpanda's reason.
 */
final class WireParser {
  /** Redpanda's {@code max_nested_message_depth}, "the golang max message depth". */
  static final int MAX_NESTED_MESSAGES = 10_000;

  private final byte[] data;
  private int position;

  private WireParser(byte[] data) {
    this.data = data;
  }

  static Parsed parse(byte[] payload, Descriptor descriptor) {
    WireParser parser = new WireParser(payload);
    return parser.message(descriptor, payload.length, 1);
  }

  private Parsed message(Descriptor descriptor, int end, int depth) {
    if (depth >= MAX_NESTED_MESSAGES) {
      throw new IllegalArgumentException("max nested message depth reached");
    }
    Parsed message = new Parsed(descriptor);
    while (position < end) {
      long tag = varint(10, end);
      long wireType = tag & 0b111;
      if (wireType > 5) {
        throw new IllegalArgumentException("invalid wire type: " + wireType);
      }
      long number = tag >>> 3;
      if (number > Integer.MAX_VALUE || number == 0) {
        throw new IllegalArgumentException("invalid field number: " + number);
      }
      FieldDescriptor field = descriptor.findFieldByNumber((int) number);
      switch ((int) wireType) {
        case 0 -> varintField(message, field, end);
        case 1 -> fixed64Field(message, field, end);
        case 2 -> lengthField(message, field, end, depth);
        case 5 -> fixed32Field(message, field, end);
        default -> throw new IllegalArgumentException("legacy proto2 groups not supported (field=" + number + ")");
      }
    }
    return message;
  }

  private void varintField(Parsed message, FieldDescriptor field, int end) {
    if (field == null) {
      varint(10, end);
      return;
    }
    Object value = switch (field.getType()) {
      case BOOL -> (int) varint(5, end) != 0;
      case ENUM, INT32 -> (int) varint(10, end);
      case SINT32 -> zigzag32((int) varint(5, end));
      case UINT32 -> (int) varint(5, end);
      case INT64, UINT64 -> varint(10, end);
      case SINT64 -> zigzag64(varint(10, end));
      // Redpanda skips the field without reading its varint ("matches the official C++ library").
      default -> null;
    };
    if (value != null) {
      update(message, field, value);
    }
  }

  private void fixed64Field(Parsed message, FieldDescriptor field, int end) {
    if (field == null) {
      skip(8, end);
      return;
    }
    switch (field.getType()) {
      case FIXED64, SFIXED64 -> update(message, field, fixed64(end));
      case DOUBLE -> update(message, field, Double.longBitsToDouble(fixed64(end)));
      default -> throw new IllegalArgumentException("invalid fixed64 type: " + typeName(field));
    }
  }

  private void fixed32Field(Parsed message, FieldDescriptor field, int end) {
    if (field == null) {
      skip(4, end);
      return;
    }
    switch (field.getType()) {
      case FIXED32, SFIXED32 -> update(message, field, fixed32(end));
      case FLOAT -> update(message, field, Float.intBitsToFloat(fixed32(end)));
      default -> throw new IllegalArgumentException("invalid fixed32 type: " + typeName(field));
    }
  }

  private void lengthField(Parsed message, FieldDescriptor field, int end, int depth) {
    int length = (int) varint(10, end);
    if (length < 0 || length > end - position) {
      throw new IllegalArgumentException("invalid length field: (length=" + length + ", bytes_left="
          + (end - position) + ")");
    }
    if (field == null) {
      position += length;
      return;
    }
    int target = position + length;
    switch (field.getType()) {
      case STRING, BYTES -> {
        update(message, field, ByteString.copyFrom(data, position, length));
        position = target;
      }
      case MESSAGE -> {
        Parsed nested = message(field.getMessageType(), target, depth + 1);
        position = target;
        if (field.isMapField()) {
          mapEntry(message, field, nested);
        } else {
          update(message, field, nested);
        }
      }
      case GROUP -> throw new IllegalArgumentException("legacy proto2 groups not supported (field="
          + field.getNumber() + ")");
      default -> packed(message, field, target, end);
    }
  }

  /** Packed scalars: read up to the target (an element may run past it), kept only for a packable repeated field. */
  private void packed(Parsed message, FieldDescriptor field, int target, int end) {
    Parsed.Repeated elements = new Parsed.Repeated();
    while (position < target) {
      elements.elements.add(switch (field.getType()) {
        case BOOL -> (int) varint(5, end) != 0;
        case ENUM, INT32 -> (int) varint(10, end);
        case SINT32 -> zigzag32((int) varint(5, end));
        case UINT32 -> (int) varint(5, end);
        case INT64, UINT64 -> varint(10, end);
        case SINT64 -> zigzag64(varint(10, end));
        case FIXED32, SFIXED32 -> fixed32(end);
        case FIXED64, SFIXED64 -> fixed64(end);
        case FLOAT -> Float.intBitsToFloat(fixed32(end));
        case DOUBLE -> Double.longBitsToDouble(fixed64(end));
        default -> throw new IllegalStateException("not a packable type: " + field.getType());
      });
    }
    if (field.isPackable()) {
      repeated(message, field).elements.addAll(elements.elements);
    }
  }

  /** {@code convert_to_map_and_update}: the entry's key and value, either possibly absent; the first key wins. */
  private static void mapEntry(Parsed message, FieldDescriptor field, Parsed entry) {
    Object key = entry.fields.getOrDefault(1, Parsed.ABSENT);
    Object value = entry.fields.getOrDefault(2, Parsed.ABSENT);
    Parsed.MapEntries map = (Parsed.MapEntries) message.fields.computeIfAbsent(field.getNumber(),
        n -> new Parsed.MapEntries());
    map.entries.putIfAbsent(key, value);
  }

  /** {@code update_field}: appended to a repeated field, else set, clearing the other members of its oneof. */
  private static void update(Parsed message, FieldDescriptor field, Object value) {
    if (field.isRepeated()) {
      repeated(message, field).elements.add(value);
      return;
    }
    message.fields.put(field.getNumber(), value);
    OneofDescriptor oneof = field.getContainingOneof();
    if (oneof != null) {
      for (FieldDescriptor member : oneof.getFields()) {
        if (member.getNumber() != field.getNumber()) {
          message.fields.remove(member.getNumber());
        }
      }
    }
  }

  private static Parsed.Repeated repeated(Parsed message, FieldDescriptor field) {
    return (Parsed.Repeated) message.fields.computeIfAbsent(field.getNumber(), n -> new Parsed.Repeated());
  }

  /**
   * Redpanda's {@code unsigned_vint::detail::deserialize}: up to {@code maxBytes} bytes of what is left; a varint
   * still continuing there, or at the end of the message, ends without an error.
   */
  private long varint(int maxBytes, int end) {
    long limit = (maxBytes - 1) * 7L;
    long result = 0;
    int shift = 0;
    int available = Math.min(maxBytes, end - position);
    int read = 0;
    while (read < available) {
      if (shift > limit) {
        break;
      }
      int b = data[position + read] & 0xff;
      read++;
      if ((b & 0x80) != 0) {
        result |= (long) (b & 0x7f) << shift;
      } else {
        result |= (long) b << shift;
        break;
      }
      shift += 7;
    }
    position += read;
    return result;
  }

  private int fixed32(int end) {
    need(4, end);
    int value = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8 | (data[position + 2] & 0xff) << 16
        | (data[position + 3] & 0xff) << 24;
    position += 4;
    return value;
  }

  private long fixed64(int end) {
    long low = fixed32(end) & 0xffffffffL;
    long high = fixed32(end) & 0xffffffffL;
    return high << 32 | low;
  }

  private void skip(int bytes, int end) {
    need(bytes, end);
    position += bytes;
  }

  private void need(int bytes, int end) {
    if (end - position < bytes) {
      throw new IllegalArgumentException("not enough bytes: " + bytes + " needed, " + (end - position) + " left");
    }
  }

  private static int zigzag32(int n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private static long zigzag64(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private static String typeName(FieldDescriptor field) {
    return field.getType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
