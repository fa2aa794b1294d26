package lakehouse.schema.avro;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lakehouse.schema.UntranslatableRecordException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes one Avro value the way Redpanda 25.3 does and turns it into a row: {@code serde/avro/parser.cc} reads
 * the bytes with exactly the schema it is given, no reader/writer resolution, then
 * {@code iceberg/conversion/values_avro.cc} converts. Avro's {@link BinaryDecoder} reads the varints, floats and
 * bytes; the walk over the schema is Redpanda's, not Avro's {@code GenericDatumReader}, because Redpanda's parser
 * differs from it where it matters for what reaches the table:
 * <ul>
 *   <li>an array or map is read as one block: the count of the first block, its items, and then one more count,
 *       whatever it says, which Avro's encoders write as the closing 0. A value written in several blocks (Avro's
 *       {@code BlockingBinaryEncoder}, some other languages' encoders) is misread, usually ending in bytes left over;
 *   <li>a length, or an item count, larger than the bytes left is refused before anything is read;
 *   <li>an int is read as a long and refused outside the int range; a boolean is any byte, true unless 0;
 *   <li>decoding gives up {@value AvroTypeConversion#MAX_VALUE_DEPTH} levels down, the root counting as one, and
 *       named-type references and unions counting too;
 *   <li>bytes left after the value send the record to the dead-letter table;
 *   <li>an int, long, enum or union index, length or count is a zigzag varint read as {@code vint::deserialize}
 *       reads it (utils/vint.h, through iobuf_parser::read_varlong): it stops where the bytes run out, or after 10
 *       bytes, and never fails, so a value that ends before or inside one reads what its bytes so far say, 0 for none.
 * </ul>
 * A string's bytes are not checked as UTF-8 by Redpanda; here an invalid sequence becomes U+FFFD.
 */
final class AvroValueDecoder {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final ByteArrayInputStream in;
  private final BinaryDecoder decoder;
  private final int size;

  private AvroValueDecoder(byte[] payload) {
    this.in = new ByteArrayInputStream(payload);
    // The direct decoder reads the stream as it goes, so in.available() is the number of bytes left.
    this.decoder = DecoderFactory.get().directBinaryDecoder(in, null);
    this.size = payload.length;
  }

  /** The value under {@code root}; for a schema that is not a record, a row of one column. */
  static Map<String, Object> row(AvroNode root, String rootColumn, byte[] payload) {
    if (payload == null) {
      throw new UntranslatableRecordException("a tombstone (null value) cannot be translated: \"Tombstones cannot be"
          + " translated\" (datalake/record_translator.cc)");
    }
    AvroValueDecoder reader = new AvroValueDecoder(payload);
    Object value;
    try {
      value = reader.node(root, 1, rootColumn == null ? "" : rootColumn);
    } catch (IOException | AvroRuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new UntranslatableRecordException("the value does not decode with its Avro schema (" + reason + "):"
          + " Redpanda fails it with \"Error parsing avro message\" (iceberg/conversion/values_avro.cc"
          + " deserialize_avro)");
    }
    int left = reader.in.available();
    if (left > 0) {
      throw new UntranslatableRecordException("the value is longer than its Avro schema reads: \"Bytes left in a buffer"
          + " after parsing. Initial size: " + reader.size + ", left: " + left + "\" (serde/avro/parser.cc; Redpanda"
          + " decodes with exactly the registered schema)");
    }
    if (rootColumn == null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> record = (Map<String, Object>) value;
      return record;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(rootColumn, value);
    return row;
  }

  /** parse_node then values_avro's conversion: one node's value, null for Avro's null type. */
  private Object node(AvroNode node, int level, String path) throws IOException {
    if (level >= AvroTypeConversion.MAX_VALUE_DEPTH) {
      throw refused(path, "max nested field depth of " + AvroTypeConversion.MAX_VALUE_DEPTH + " reached");
    }
    if (node.isSymbolic()) {
      return node(node.resolved(), level + 1, path);
    }
    String logical = node.logicalType();
    return switch (node.type()) {
      case STRING -> string(length(path), logical, path);
      case BYTES -> "decimal".equals(logical) ? decimal(length(path), node, path) : length(path);
      case INT -> integer(varlong(), logical, path);
      case LONG -> longValue(varlong(), logical, path);
      case ENUM -> symbol(varlong(), node, path);
      case FLOAT -> decoder.readFloat();
      case DOUBLE -> decoder.readDouble();
      case BOOLEAN -> bytes(1)[0] != 0;
      case NULL -> null;
      case RECORD -> record(node, level, path);
      case ARRAY -> list(node, level, path);
      case MAP -> map(node, level, path);
      case UNION -> union(node, level, path);
      case FIXED -> fixed(node, logical, path);
    };
  }

  /** Field values in Avro order; a field of type null is read (it takes no bytes) and left out. */
  private Map<String, Object> record(AvroNode record, int level, String path) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    List<Schema.Field> avroFields = record.schema().getFields();
    for (int i = 0; i < avroFields.size(); i++) {
      AvroNode field = record.leaves().get(i);
      String name = avroFields.get(i).name();
      Object value = node(field, level + 1, AvroTypeConversion.child(path, name));
      if (field.type() != Schema.Type.NULL) {
        fields.put(name, value);
      }
    }
    return fields;
  }

  private List<Object> list(AvroNode array, int level, String path) throws IOException {
    long count = itemCount(path);
    List<Object> list = new ArrayList<>();
    if (count > 0) {
      for (long i = 0; i < count; i++) {
        list.add(node(array.leaves().get(0), level + 1, AvroTypeConversion.child(path, "element")));
      }
      varlong();
    }
    return list;
  }

  /** Keys in the order read; a key written twice keeps its last value here (Redpanda writes both entries). */
  private Map<String, Object> map(AvroNode map, int level, String path) throws IOException {
    long count = itemCount(path);
    Map<String, Object> entries = new LinkedHashMap<>();
    if (count > 0) {
      for (long i = 0; i < count; i++) {
        String key = new String(length(path), StandardCharsets.UTF_8);
        entries.put(key, node(map.leaves().get(0), level + 1, AvroTypeConversion.child(path, "value")));
      }
      varlong();
    }
    return entries;
  }

  /**
   * An optional (null and one type) is its value or null. Any other union is a struct with a field per non-null
   * branch, only the chosen one set: the null branch gives a struct whose fields are all null, not a null struct.
   */
  private Object union(AvroNode union, int level, String path) throws IOException {
    long index = varlong();
    List<AvroNode> branches = union.leaves();
    if (index < 0 || index >= branches.size()) {
      throw refused(path, "Invalid union branch decoded, it must be greater than 0 and smaller than number of leaves"
          + " in union " + branches.size() + ". current: " + index);
    }
    AvroNode chosen = branches.get((int) index);
    AvroNode optional = union.optionalOf();
    String branchPath = optional != null ? path : AvroTypeConversion.child(path, chosen.unionBranchLabel());
    Object value = node(chosen, level + 1, branchPath);
    if (optional != null) {
      return chosen == optional ? value : null;
    }
    Map<String, Object> struct = new LinkedHashMap<>();
    for (AvroNode branch : branches) {
      if (branch.type() != Schema.Type.NULL) {
        struct.put(branch.unionBranchLabel(), branch == chosen ? value : null);
      }
    }
    return struct;
  }

  private Object fixed(AvroNode fixed, String logical, String path) throws IOException {
    int size = fixed.schema().getFixedSize();
    if (in.available() < size) {
      throw refused(path, "Error parsing fixed avro type. Expected fixed size: " + size + ", while only "
          + in.available() + " bytes left in the buffer");
    }
    byte[] bytes = bytes(size);
    return "decimal".equals(logical) ? decimal(bytes, fixed, path) : bytes;
  }

  private static Object string(byte[] bytes, String logical, String path) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!"uuid".equals(logical)) {
      return text;
    }
    UUID uuid = UuidText.parse(text);
    if (uuid == null) {
      throw refused(path, "invalid uuid string: " + abbreviate(text));
    }
    return uuid;
  }

  /** Redpanda reads an int as a long and checks its range (parser.cc). */
  private static Object integer(long value, String logical, String path) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw refused(path, "Value " + value + " is outside of avro int limits: [" + Integer.MIN_VALUE + ","
          + Integer.MAX_VALUE + "]");
    }
    if ("date".equals(logical)) {
      return LocalDate.ofEpochDay(value);
    }
    if ("time-millis".equals(logical)) {
      return time(value * 1000, path);
    }
    return (int) value;
  }

  private static Object longValue(long value, String logical, String path) {
    if ("time-micros".equals(logical)) {
      return time(value, path);
    }
    if ("timestamp-millis".equals(logical)) {
      // Redpanda multiplies in int64 unchecked; Java's long wraps the same way.
      return timestamp(value * 1000);
    }
    if ("timestamp-micros".equals(logical)) {
      return timestamp(value);
    }
    return value;
  }

  /**
   * Redpanda writes any microsecond count as a time, unchecked; a LocalTime holds only one day's worth, so a value
   * outside [00:00, 24:00) cannot be handed on and is refused here, which Redpanda does not do.
   */
  private static LocalTime time(long micros, String path) {
    if (micros < 0 || micros >= MICROS_PER_DAY) {
      throw new UntranslatableRecordException(path + ": a time of " + micros + " µs is outside one day; Redpanda 25.3"
          + " writes it unchecked (values_avro.cc), but it is no LocalTime");
    }
    return LocalTime.ofNanoOfDay(micros * 1000);
  }

  /** Any long of microseconds is an Instant: Instant reaches a billion years either side of 1970. */
  private static OffsetDateTime timestamp(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)
        .atOffset(ZoneOffset.UTC);
  }

  private static String symbol(long index, AvroNode enumNode, String path) {
    List<String> symbols = enumNode.schema().getEnumSymbols();
    if (index < 0 || index >= symbols.size()) {
      throw refused(path, "enum index " + index + " is out of range for " + symbols.size() + " symbols"
          + " (std::out_of_range from the C++ Avro library's nameAt)");
    }
    return symbols.get((int) index);
  }

  /**
   * The correct Avro decoding: big-endian two's complement of up to 16 bytes, sign-extended; more than 16 bytes
   * Redpanda refuses. Known 25.3 defect, deliberately not copied: its {@code decode_avro_decimal}
   * (iceberg/avro_decimal.h) indexes 16 bytes whatever the length and does not sign-extend, so a shorter value,
   * which is what Avro's encoders write for a bytes decimal or a fixed narrower than 16, reaches the table wrong.
   * Fixed upstream in May 2026 (commit a2b6790d98), not in 25.3; docs/redpanda-contract.md marks it.
   */
  private static BigDecimal decimal(byte[] bytes, AvroNode node, String path) {
    if (bytes.length > AvroTypeConversion.MAX_DECIMAL_BYTES) {
      throw refused(path, "Decimal iobuf can not be larger than " + AvroTypeConversion.MAX_DECIMAL_BYTES + " bytes");
    }
    int scale = ((LogicalTypes.Decimal) node.schema().getLogicalType()).getScale();
    BigInteger unscaled = bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bytes);
    return new BigDecimal(unscaled, scale);
  }

  /** Redpanda's {@code vint::deserialize}: whatever the bytes so far say, never an end-of-value failure. */
  private long varlong() {
    long raw = 0;
    for (int shift = 0; shift <= 63; shift += 7) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      raw |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** A string's, bytes' or map key's length, checked against what is left (parser.cc validate_length). */
  private byte[] length(String path) throws IOException {
    long length = varlong();
    validateLength(length, path);
    return bytes((int) length);
  }

  /** An array's or map's first block count; a negative one is followed by the block's size in bytes. */
  private long itemCount(String path) throws IOException {
    long count = varlong();
    if (count < 0) {
      varlong();
      count = -count;
    }
    // Redpanda's "best effort" check: at least one byte per item.
    validateLength(count, path);
    return count;
  }

  private void validateLength(long length, String path) {
    if (length < 0) {
      throw refused(path, "Invalid element length: " + length + ", length can not be negative.");
    }
    if (length > in.available()) {
      throw refused(path, "Invalid length decoded. Decoded length: " + length + ", bytes left: " + in.available());
    }
  }

  private byte[] bytes(int count) throws IOException {
    byte[] bytes = new byte[count];
    decoder.readFixed(bytes);
    return bytes;
  }

  private static UntranslatableRecordException refused(String path, String redpandaMessage) {
    return new UntranslatableRecordException((path.isEmpty() ? "the value" : path) + ": \"" + redpandaMessage
        + "\" (serde/avro/parser.cc, iceberg/conversion/values_avro.cc)");
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
