package lakehouse.schema.protobuf;

import com.google.protobuf.ByteString;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code google.protobuf.Struct}, {@code Value} and {@code ListValue} as the JSON text Redpanda 25.3 writes into a
 * string column ({@code iceberg/conversion/values_protobuf.cc}, {@code serialize_protobuf_*_to_json};
 * {@code serde/json/writer.cc}). The text is compact; numbers are written as C's {@code %g} writes them, with six
 * significant digits ({@code absl::SixDigits}: 12.04 stays 12.04, 3.14159265 becomes 3.14159, 1234567 becomes
 * 1.23457e+06); strings escape {@code "}, {@code \}, {@code /}, control characters and every non-ASCII character
 * as {@code \}{@code uXXXX}, invalid UTF-8 as {@code \}{@code ufffd}. A Value with no kind set is {@code null}.
 * NaN or an infinity, nesting deeper than {@value ProtobufRules#MAX_DEPTH}, and a Struct entry without its key or
 * value cannot be written: the record goes to the dead-letter table.
 *
 * <p>One difference: Redpanda keeps a Struct's entries in a hash map, so its key order is the hash map's; here it is
 * the order on the wire. JSON objects are unordered, so readers see the same object.
 */
final class StructJson {
  private final StringBuilder out = new StringBuilder();

  private StructJson() {}

  /** The depth is the number of messages from the top one down to the one holding the field. */
  static String ofStruct(Parsed struct, int depth) {
    StructJson json = new StructJson();
    json.object(struct, depth);
    return json.out.toString();
  }

  static String ofValue(Parsed value, int depth) {
    StructJson json = new StructJson();
    json.value(value, depth);
    return json.out.toString();
  }

  static String ofList(Parsed list, int depth) {
    StructJson json = new StructJson();
    json.array(list, depth);
    return json.out.toString();
  }

  private void object(Parsed struct, int depth) {
    checkDepth(depth);
    out.append('{');
    Object fields = struct.fields.get(1);
    if (fields != null) {
      boolean first = true;
      for (var entry : ((Parsed.MapEntries) fields).entries.entrySet()) {
        if (!(entry.getKey() instanceof ByteString key)) {
          throw new IllegalArgumentException("a google.protobuf.Struct entry has no key");
        }
        if (!(entry.getValue() instanceof Parsed value)) {
          throw new IllegalArgumentException("the google.protobuf.Struct entry " + key.toStringUtf8()
              + " has no value");
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(key);
        out.append(':');
        value(value, depth + 1);
      }
    }
    out.append('}');
  }

  private void array(Parsed list, int depth) {
    checkDepth(depth);
    out.append('[');
    Object values = list.fields.get(1);
    if (values != null) {
      boolean first = true;
      for (Object element : ((Parsed.Repeated) values).elements) {
        if (!first) {
          out.append(',');
        }
        first = false;
        value((Parsed) element, depth + 1);
      }
    }
    out.append(']');
  }

  /** The one kind set; the oneof leaves at most one on the wire. */
  private void value(Parsed value, int depth) {
    checkDepth(depth);
    for (var field : value.fields.entrySet()) {
      switch (field.getKey()) {
        case 1 -> out.append("null");
        case 2 -> {
          double number = (Double) field.getValue();
          if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new IllegalArgumentException("NaN and Infinity are not supported in JSON");
          }
          out.append(sixDigits(number));
        }
        case 3 -> string((ByteString) field.getValue());
        case 4 -> out.append((Boolean) field.getValue() ? "true" : "false");
        case 5 -> object((Parsed) field.getValue(), depth + 1);
        case 6 -> array((Parsed) field.getValue(), depth + 1);
        default -> {
          continue;
        }
      }
      return;
    }
    out.append("null");
  }

  private static void checkDepth(int depth) {
    if (depth > ProtobufRules.MAX_DEPTH) {
      throw new IllegalArgumentException("Maximum recursion depth " + ProtobufRules.MAX_DEPTH + " exceeded");
    }
  }

  /** {@code serialize_json_string}, byte by byte over the raw string. */
  private void string(ByteString raw) {
    byte[] bytes = raw.toByteArray();
    out.append('"');
    int i = 0;
    while (i < bytes.length) {
      int c = bytes[i++] & 0xff;
      if (c < 0x80) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '/' -> out.append("\\/");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c <= 31) {
              hex(c);
            } else {
              out.append((char) c);
            }
          }
        }
        continue;
      }
      int codepoint = 0;
      boolean valid = false;
      if ((c & 0xE0) == 0xC0) {
        int c1 = next(bytes, i++);
        if (continuation(c1)) {
          codepoint = (c & 0x1F) << 6 | (c1 & 0x3F);
          valid = codepoint >= 0x80;
        }
      } else if ((c & 0xF0) == 0xE0) {
        int c1 = next(bytes, i++);
        int c2 = next(bytes, i++);
        if (continuation(c1) && continuation(c2)) {
          codepoint = (c & 0x0F) << 12 | (c1 & 0x3F) << 6 | (c2 & 0x3F);
          valid = codepoint >= 0x800 && (codepoint < 0xD800 || codepoint > 0xDFFF);
        }
      } else if ((c & 0xF8) == 0xF0) {
        int c1 = next(bytes, i++);
        int c2 = next(bytes, i++);
        int c3 = next(bytes, i++);
        if (continuation(c1) && continuation(c2) && continuation(c3)) {
          codepoint = (c & 0x07) << 18 | (c1 & 0x3F) << 12 | (c2 & 0x3F) << 6 | (c3 & 0x3F);
          valid = codepoint >= 0x10000 && codepoint <= 0x10FFFF;
        }
      }
      if (!valid) {
        out.append("\\ufffd");
      } else if (codepoint > 0xFFFF) {
        hex(0xD800 + ((codepoint - 0x10000) >> 10));
        hex(0xDC00 + ((codepoint - 0x10000) & 0x3FF));
      } else {
        hex(codepoint);
      }
    }
    out.append('"');
  }

  /** The byte at i, or 0 past the end, which is no continuation byte (Redpanda reads {@code '\0'} there). */
  private static int next(byte[] bytes, int i) {
    return i < bytes.length ? bytes[i] & 0xff : 0;
  }

  private static boolean continuation(int c) {
    return (c & 0xC0) == 0x80;
  }

  private void hex(int codeUnit) {
    out.append("\\u").append(String.format("%04x", codeUnit));
  }

  /**
   * {@code absl::SixDigits}: C's {@code %g} (six significant digits, round half to even on the exact binary value,
   * fixed notation for exponents -4 to 5, trailing zeros dropped, a two-digit exponent at least).
   */
  static String sixDigits(double d) {
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    String sign = d < 0 ? "-" : "";
    BigDecimal rounded = new BigDecimal(Math.abs(d)).round(new MathContext(6, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal stripped = rounded.stripTrailingZeros();
    if (exponent >= -4 && exponent < 6) {
      return sign + stripped.toPlainString();
    }
    String digits = stripped.unscaledValue().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    int magnitude = Math.abs(exponent);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
  }
}
