package lakehouse.schema.avro;

import java.util.UUID;

/**
 * A UUID string as Redpanda reads one ({@code utils/uuid.cc uuid_t::from_string}, Boost's {@code string_generator}):
 * 32 hex digits in either case, with a dash after the 8th, 12th, 16th and 20th digit or with none at all, optionally
 * inside braces, and nothing else. Java's {@link UUID#fromString} is looser (it takes {@code 1-2-3-4-5}), so it is
 * not used.
 */
final class UuidText {
  private static final int DIGITS = 32;

  private UuidText() {}

  /** The UUID, or null where Boost throws "invalid uuid string". */
  static UUID parse(String text) {
    String body = text;
    if (body.startsWith("{")) {
      if (!body.endsWith("}") || body.length() < 2) {
        return null;
      }
      body = body.substring(1, body.length() - 1);
    }
    boolean dashed = body.length() > 8 && body.charAt(8) == '-';
    if (dashed) {
      if (body.length() != DIGITS + 4 || body.charAt(13) != '-' || body.charAt(18) != '-' || body.charAt(23) != '-') {
        return null;
      }
      body = body.substring(0, 8) + body.substring(9, 13) + body.substring(14, 18) + body.substring(19, 23)
          + body.substring(24);
    }
    if (body.length() != DIGITS) {
      return null;
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < DIGITS; i++) {
      int digit = hex(body.charAt(i));
      if (digit < 0) {
        return null;
      }
      if (i < DIGITS / 2) {
        high = high << 4 | digit;
      } else {
        low = low << 4 | digit;
      }
    }
    return new UUID(high, low);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
