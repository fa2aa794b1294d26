package lakehouse.schema;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three {@code format} strings Redpanda turns into Iceberg temporal types, parsed as Redpanda's
 * {@code time_rfc3339.cc} parses them. {@code date-time} and {@code time} go through absl's
 * {@code ParseTime} with {@code RFC3339_full} ({@code %Y-%m-%d%ET%H:%M:%E*S%Ez}) and
 * {@code %H:%M:%E*S%Ez}, which is looser than RFC 3339 (absl {@code time/format.cc} {@code ParseTime},
 * cctz {@code time_zone_format.cc} {@code parse}, {@code ParseInt}, {@code ParseOffset},
 * {@code ParseSubSeconds}):
 *
 * <ul>
 *   <li>whitespace before and after the value is skipped, and the literals {@code infinite-future} and
 *       {@code infinite-past} are absl's infinite times;
 *   <li>field widths are maxima: {@code 2025-7-1T1:2:3Z} is 2025-07-01T01:02:03Z; the year has any number
 *       of digits and may be negative ({@code -1} is 2 BC), but not {@code +} nor {@code -0};
 *   <li>{@code T}/{@code t}, {@code Z}/{@code z}; an offset is {@code ±hh}, optionally followed by
 *       minutes and seconds, each with or without a {@code :};
 *   <li>second 60 is the next minute's second 0 (its fraction dropped); up to 15 fraction digits count;
 *   <li>the day must exist, and the instant must fit in 64-bit seconds, else "Out-of-range field".
 * </ul>
 *
 * <p>Redpanda then stores {@code absl::ToInt64Microseconds(t - absl::UnixEpoch())}: microseconds
 * truncated toward zero and saturated at the int64 range, so {@code infinite-future} and any instant
 * beyond about year 294247 are {@code INT64_MAX} microseconds, {@code infinite-past} and any instant before
 * about year -290308 {@code INT64_MIN}.
 */
final class Rfc3339 {
  private static final Pattern DATE_ONLY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final String INFINITE_FUTURE = "infinite-future";
  private static final String INFINITE_PAST = "infinite-past";
  /** Beyond this many years from year 0 no instant fits cctz's int64 seconds (about 2.9e11 years). */
  private static final long MAX_YEARS = 1_000_000_000_000L;

  private Rfc3339() {}

  /** The instant Redpanda stores for a {@code date-time}, in UTC. */
  static OffsetDateTime dateTime(String text) {
    long micros = micros(text, true, "date-time");
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static LocalDate date(String text) {
    Matcher m = DATE_ONLY.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a date YYYY-MM-DD");
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a real civil date: " + e.getMessage(), e);
    }
  }

  /**
   * The time of day in UTC: {@code 10:00:00+02:00} is {@code 08:00:00}. Redpanda stores the microseconds
   * since 1970-01-01T00:00:00Z, which may fall outside one day; a LocalTime wraps around midnight.
   */
  static LocalTime time(String text) {
    long micros = micros(text, false, "time");
    return LocalTime.ofNanoOfDay(Math.floorMod(micros, 86_400_000_000L) * 1_000);
  }

  /** {@code absl::ToInt64Microseconds(parsed - absl::UnixEpoch())}, as {@code time_rfc3339.cc} stores it. */
  static long micros(String text, boolean withDate, String format) {
    String input = stripLeadingWhitespace(text);
    if (isLiteral(input, INFINITE_FUTURE)) {
      return Long.MAX_VALUE;
    }
    if (isLiteral(input, INFINITE_PAST)) {
      return Long.MIN_VALUE;
    }
    try {
      return new Fields(input, withDate).micros();
    } catch (IllegalArgumentException absl) {
      throw new IllegalArgumentException("\"" + text + "\" is not a " + format + " as absl parses it ("
          + (withDate ? "RFC3339_full" : "%H:%M:%E*S%Ez") + "): " + absl.getMessage(), absl);
    }
  }

  /** absl compares the literal, then allows only whitespace after it. */
  private static boolean isLiteral(String input, String literal) {
    return input.startsWith(literal) && stripLeadingWhitespace(input.substring(literal.length())).isEmpty();
  }

  private static String stripLeadingWhitespace(String text) {
    int i = 0;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return text.substring(i);
  }

  /** C's {@code isspace} in the "C" locale, which absl and cctz use. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** cctz's {@code parse} of one input, field by field; each failure carries cctz's error text. */
  private static final class Fields {
    private static final String FAILED = "Failed to parse input";

    private final String data;
    private int at;
    private long year = 1970;
    private long month = 1;
    private long day = 1;
    private long hour;
    private long minute;
    private long second;
    private long femtos;
    private long offset;

    /** cctz reads a NUL-terminated copy, so a NUL ends the input. */
    Fields(String input, boolean withDate) {
      int nul = input.indexOf('\0');
      this.data = nul < 0 ? input : input.substring(0, nul);
      skipWhitespace();
      if (withDate) {
        year = integer(0, Long.MIN_VALUE, Long.MAX_VALUE);
        literal('-');
        month = integer(2, 1, 12);
        literal('-');
        day = integer(2, 1, 31);
        if (!(peek() == 'T' || peek() == 't')) {
          throw new IllegalArgumentException(FAILED);
        }
        at++;
      }
      hour = integer(2, 0, 23);
      literal(':');
      minute = integer(2, 0, 59);
      literal(':');
      second = integer(2, 0, 60);
      if (peek() == '.') {
        at++;
        subseconds();
      }
      offset();
      skipWhitespace();
      if (at != data.length()) {
        throw new IllegalArgumentException("Illegal trailing data in input string");
      }
    }

    long micros() {
      if (second == 60) { // a leap second is the next minute's second 0
        second = 59;
        offset -= 1;
        femtos = 0;
      }
      if (day > daysInMonth(year, month) || Math.abs(year) > MAX_YEARS) {
        throw new IllegalArgumentException("Out-of-range field");
      }
      long seconds = epochSeconds(epochDay(year, month, day), hour * 3_600 + minute * 60 + second - offset);
      // absl keeps quarter nanoseconds; ToInt64Microseconds truncates toward zero and saturates.
      long quarterNanos = femtos / 250_000;
      long fraction = seconds >= 0 ? quarterNanos / 4_000 : (quarterNanos + 3_999) / 4_000;
      try {
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), fraction);
      } catch (ArithmeticException beyondInt64) {
        return seconds > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
      }
    }

    /** cctz's time_point holds int64 seconds; a civil time beyond it is "Out-of-range field". */
    private static long epochSeconds(long epochDay, long secondOfDay) {
      try {
        return Math.addExact(Math.multiplyExact(epochDay, 86_400L), secondOfDay);
      } catch (ArithmeticException overflow) {
        BigInteger exact = BigInteger.valueOf(epochDay).multiply(BigInteger.valueOf(86_400))
            .add(BigInteger.valueOf(secondOfDay));
        if (exact.bitLength() > 63) {
          throw new IllegalArgumentException("Out-of-range field");
        }
        return exact.longValueExact();
      }
    }

    private char peek() {
      return at < data.length() ? data.charAt(at) : '\0';
    }

    private void literal(char expected) {
      if (peek() != expected) {
        throw new IllegalArgumentException(FAILED);
      }
      at++;
    }

    private void skipWhitespace() {
      while (at < data.length() && isSpace(data.charAt(at))) {
        at++;
      }
    }

    /**
     * cctz {@code ParseInt}: an optional '-', then at least one and at most {@code width} digits
     * (no limit for 0; the '-' counts), within [min, max]; "-0" and overflow fail.
     */
    private long integer(int width, long min, long max) {
      int left = width;
      boolean negative = false;
      if (peek() == '-') {
        negative = true;
        if (left > 0 && --left == 0) {
          throw new IllegalArgumentException(FAILED);
        }
        at++;
      }
      int start = at;
      long value = 0; // accumulated negatively, so Long.MIN_VALUE fits
      while (at < data.length() && data.charAt(at) >= '0' && data.charAt(at) <= '9') {
        int digit = data.charAt(at) - '0';
        if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
          throw new IllegalArgumentException(FAILED);
        }
        value = value * 10 - digit;
        at++;
        if (left > 0 && --left == 0) {
          break;
        }
      }
      if (at == start || (!negative && value == Long.MIN_VALUE) || (negative && value == 0)) {
        throw new IllegalArgumentException(FAILED);
      }
      long result = negative ? value : -value;
      if (result < min || result > max) {
        throw new IllegalArgumentException(FAILED);
      }
      return result;
    }

    /** cctz {@code ParseSubSeconds}: at least one digit; the first 15 count, as femtoseconds. */
    private void subseconds() {
      int start = at;
      long value = 0;
      int digits = 0;
      while (at < data.length() && data.charAt(at) >= '0' && data.charAt(at) <= '9') {
        if (digits < 15) {
          value = value * 10 + (data.charAt(at) - '0');
          digits++;
        }
        at++;
      }
      if (at == start) {
        throw new IllegalArgumentException(FAILED);
      }
      for (int i = digits; i < 15; i++) {
        value *= 10;
      }
      femtos = value;
    }

    /** cctz {@code ParseOffset} with ':': Z, z, or ±hh then optional [:]mm then optional [:]ss. */
    private void offset() {
      char sign = peek();
      at++;
      if (sign == 'Z' || sign == 'z') {
        offset = 0;
        return;
      }
      if (sign != '+' && sign != '-') {
        throw new IllegalArgumentException(FAILED);
      }
      long hours = twoDigits(0, 23);
      if (hours < 0) {
        throw new IllegalArgumentException(FAILED);
      }
      long minutes = 0;
      long seconds = 0;
      int afterHours = at;
      if (peek() == ':') {
        at++;
      }
      long m = twoDigits(0, 59);
      if (m < 0) {
        at = afterHours;
      } else {
        minutes = m;
        int afterMinutes = at;
        if (peek() == ':') {
          at++;
        }
        long s = twoDigits(0, 59);
        if (s < 0) {
          at = afterMinutes;
        } else {
          seconds = s;
        }
      }
      offset = (hours * 60 + minutes) * 60 + seconds;
      if (sign == '-') {
        offset = -offset;
      }
    }

    /** Exactly two digits within [min, max], or -1 with the position unchanged. */
    private long twoDigits(long min, long max) {
      int start = at;
      try {
        long value = integer(2, min, max);
        if (at - start == 2) {
          return value;
        }
      } catch (IllegalArgumentException notThere) {
        // fall through: not two digits here
      }
      at = start;
      return -1;
    }
  }

  private static long daysInMonth(long year, long month) {
    return switch ((int) month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 in the proleptic Gregorian calendar, cctz's too (H. Hinnant's days_from_civil). */
  static long epochDay(long year, long month, long day) {
    long y = year - (month <= 2 ? 1 : 0);
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
