package lakehouse.schema;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Schema Registry wire format, as Redpanda's {@code value_schema_id_prefix} mode reads it
 * ({@code datalake/schema_registry.cc}, {@code get_value_schema_id} and {@code get_proto_offsets}):
 * byte 0 is the magic byte 0, bytes 1 to 4 the schema ID as a big-endian int32; for Protobuf a
 * zigzag varint count of message indexes follows, then that many zigzag varints, a count of 0
 * meaning {@code [0]}, the file's first message. The rest is the encoded value.
 */
public final class WireFormat {
  public static final byte MAGIC = 0;
  static final int HEADER_BYTES = 5;

  private WireFormat() {}

  /** A value's header, and where its payload starts. */
  public record Header(int schemaId, List<Integer> messageIndexes, int payloadOffset) {
    public byte[] payload(byte[] value) {
      return Arrays.copyOfRange(value, payloadOffset, value.length);
    }
  }

  /**
   * The schema ID of a value; fewer than 5 bytes is Redpanda's {@code not_enough_bytes}, a first byte
   * other than 0 its {@code no_schema_id}: both send the record to the dead-letter table.
   */
  public static Header header(byte[] value) {
    if (value.length < HEADER_BYTES) {
      throw new UntranslatableRecordException("not_enough_bytes: a Schema Registry value has at least 5 bytes, this one "
          + value.length);
    }
    if (value[0] != MAGIC) {
      throw new UntranslatableRecordException("no_schema_id: the value does not start with the magic byte 0");
    }
    return new Header(ByteBuffer.wrap(value, 1, 4).getInt(), List.of(), HEADER_BYTES);
  }

  /** The header with Protobuf's message indexes after the ID; a malformed varint is a dead letter too. */
  public static Header protobufHeader(byte[] value) {
    Header header = header(value);
    int[] position = {HEADER_BYTES};
    long count = readZigzagVarint(value, position);
    if (count < 0 || count > value.length) {
      throw new UntranslatableRecordException("bad message indexes: a count of " + count);
    }
    List<Integer> indexes = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      indexes.add((int) readZigzagVarint(value, position));
    }
    return new Header(header.schemaId(), count == 0 ? List.of(0) : List.copyOf(indexes), position[0]);
  }

  /** The header a value of {@code format} carries: with the message indexes for Protobuf, without them otherwise. */
  public static byte[] encode(ValueFormat format, int schemaId, List<Integer> messageIndexes, byte[] payload) {
    return format == ValueFormat.PROTOBUF ? encodeProtobuf(schemaId, messageIndexes, payload) : encode(schemaId, payload);
  }

  /** Magic byte, schema ID and payload, for Avro and JSON Schema. */
  public static byte[] encode(int schemaId, byte[] payload) {
    return ByteBuffer.allocate(HEADER_BYTES + payload.length).put(MAGIC).putInt(schemaId).put(payload).array();
  }

  /**
   * Magic byte, schema ID, message indexes and payload, for Protobuf; {@code [0]} is written as the single count
   * byte 0, as the Confluent serializers write it.
   */
  public static byte[] encodeProtobuf(int schemaId, List<Integer> messageIndexes, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(schemaId).array());
    if (messageIndexes.equals(List.of(0))) {
      writeZigzagVarint(out, 0);
    } else {
      writeZigzagVarint(out, messageIndexes.size());
      messageIndexes.forEach(index -> writeZigzagVarint(out, index));
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static long readZigzagVarint(byte[] bytes, int[] position) {
    long raw = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position[0] >= bytes.length) {
        throw new UntranslatableRecordException("bad message indexes: the value ends inside a varint");
      }
      byte b = bytes[position[0]++];
      raw |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    throw new UntranslatableRecordException("bad message indexes: a varint longer than 10 bytes");
  }

  private static void writeZigzagVarint(ByteArrayOutputStream out, long value) {
    long zigzag = (value << 1) ^ (value >> 63);
    while ((zigzag & ~0x7fL) != 0) {
      out.write((int) ((zigzag & 0x7f) | 0x80));
      zigzag >>>= 7;
    }
    out.write((int) zigzag);
  }
}
