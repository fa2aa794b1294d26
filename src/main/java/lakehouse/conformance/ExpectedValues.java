package lakehouse.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Compares an expected value of a conformance case with what a reader found, by the column's Iceberg
 * type: numbers numerically, {@code timestamptz} as an instant, {@code date} as {@code YYYY-MM-DD},
 * {@code time} as a time of day in UTC, lists element by element, structs field by field. The found
 * value is JSON as DuckDB's {@code to_json} writes it ({@code "2026-01-15 09:30:00+00"}) or as ISO-8601.
 */
final class ExpectedValues {
  /**
   * DuckDB's rendering of TIMESTAMPTZ in UTC: {@code 2026-01-15 09:30:00.123456+00}, years past 9999
   * with more digits, years before 1 as {@code 0001-01-01 (BC) 00:00:00+00} (year 0).
   */
  private static final Pattern DUCKDB_TIMESTAMPTZ = Pattern.compile(
      "(\\d{4,})-(\\d{2})-(\\d{2})( \\(BC\\))? (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)([+-]\\d{2}(?::?\\d{2})?)");
  /** DuckDB's {@code infinity}: the largest int64 microseconds, as Redpanda stores {@code infinite-future}. */
  static final Instant DUCKDB_INFINITY = Instant.EPOCH.plus(Long.MAX_VALUE, ChronoUnit.MICROS);
  /** DuckDB's {@code -infinity}: minus the largest, one microsecond after the smallest int64. */
  static final Instant DUCKDB_NEGATIVE_INFINITY = Instant.EPOCH.plus(-Long.MAX_VALUE, ChronoUnit.MICROS);

  private ExpectedValues() {}

  /** Why {@code found} is not {@code expected}, or empty when it is. */
  static Optional<String> mismatch(Type type, JsonNode expected, JsonNode found) {
    if (expected.isNull() || found == null || found.isNull()) {
      return expected.isNull() && (found == null || found.isNull())
          ? Optional.empty()
          : differ(expected, found);
    }
    try {
      return switch (type.typeId()) {
        case INTEGER, LONG, FLOAT, DOUBLE, DECIMAL -> number(expected).compareTo(number(found)) == 0
            ? Optional.empty() : differ(expected, found);
        case TIMESTAMP -> instant(expected.asText()).equals(instant(found.asText()))
            ? Optional.empty() : differ(expected, found);
        case DATE -> LocalDate.parse(expected.asText()).equals(LocalDate.parse(found.asText()))
            ? Optional.empty() : differ(expected, found);
        case TIME -> LocalTime.parse(expected.asText()).equals(LocalTime.parse(found.asText()))
            ? Optional.empty() : differ(expected, found);
        case BINARY, FIXED -> bytes(expected, found);
        case UUID -> expected.asText().toLowerCase(java.util.Locale.ROOT).equals(found.asText().toLowerCase(java.util.Locale.ROOT))
            ? Optional.empty() : differ(expected, found);
        case LIST -> list(type.asListType(), expected, found);
        case STRUCT -> struct(type.asStructType(), expected, found);
        default -> expected.equals(found) ? Optional.empty() : differ(expected, found);
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.of("expected " + expected + " but found " + found + " (" + e.getMessage() + ")");
    }
  }

  private static Optional<String> list(Types.ListType type, JsonNode expected, JsonNode found) {
    if (!expected.isArray() || !found.isArray() || expected.size() != found.size()) {
      return differ(expected, found);
    }
    for (int i = 0; i < expected.size(); i++) {
      Optional<String> element = mismatch(type.elementType(), expected.get(i), found.get(i));
      if (element.isPresent()) {
        return Optional.of("[" + i + "]: " + element.get());
      }
    }
    return Optional.empty();
  }

  /** Only the fields the expectation names are compared. */
  private static Optional<String> struct(Types.StructType type, JsonNode expected, JsonNode found) {
    if (!expected.isObject() || !found.isObject()) {
      return differ(expected, found);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Types.NestedField column = type.field(field.getKey());
      if (column == null) {
        return Optional.of("." + field.getKey() + ": no such field in " + type);
      }
      Optional<String> inner = mismatch(column.type(), field.getValue(), found.get(field.getKey()));
      if (inner.isPresent()) {
        return Optional.of("." + field.getKey() + ": " + inner.get());
      }
    }
    return Optional.empty();
  }

  static Instant instant(String text) {
    switch (text) {
      case "infinity" -> {
        return DUCKDB_INFINITY;
      }
      case "-infinity" -> {
        return DUCKDB_NEGATIVE_INFINITY;
      }
      default -> { }
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notIso) {
      Matcher m = DUCKDB_TIMESTAMPTZ.matcher(text);
      if (!m.matches()) {
        throw notIso;
      }
      int year = Integer.parseInt(m.group(1));
      LocalDate date = LocalDate.of(m.group(4) == null ? year : 1 - year, Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
      return OffsetDateTime.of(date, LocalTime.parse(m.group(5)), ZoneOffset.of(m.group(6))).toInstant();
    }
  }

  /**
   * Bytes, given as {@code {"hex": "…"}}, as text whose UTF-8 bytes they are, or as DuckDB renders them (printable
   * ASCII as itself, every other byte and both quote characters as {@code \xNN}).
   */
  private static Optional<String> bytes(JsonNode expected, JsonNode found) {
    byte[] want = expected.isObject() && expected.path("hex").isTextual()
        ? java.util.HexFormat.of().parseHex(expected.get("hex").asText())
        : expected.asText().contains("\\x") ? duckDbBytes(expected.asText())
        : expected.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.util.Arrays.equals(want, duckDbBytes(found.asText())) ? Optional.empty() : differ(expected, found);
  }

  /** DuckDB's rendering of a BLOB back to its bytes. */
  static byte[] duckDbBytes(String rendered) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < rendered.length(); i++) {
      if (rendered.startsWith("\\x", i) && i + 4 <= rendered.length()) {
        out.write(Integer.parseInt(rendered.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.writeBytes(String.valueOf(rendered.charAt(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static BigDecimal number(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
  }

  private static Optional<String> differ(JsonNode expected, JsonNode found) {
    return Optional.of("expected " + expected + " but found " + (found == null ? "no value" : found));
  }
}
