package lakehouse.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three {@code format} strings Redpanda turns into Iceberg temporal types, parsed as strictly as
 * Redpanda's {@code time_rfc3339.cc} (absl's {@code RFC3339_full}, {@code %Y-%m-%d},
 * {@code %H:%M:%E*S%Ez}): seconds and an offset are mandatory, {@code T}/{@code t} and {@code Z}/{@code z}
 * are both accepted, any number of fraction digits, and the date must be a real civil day.
 */
final class Rfc3339 {
  private static final String DATE = "(\\d{4})-(\\d{2})-(\\d{2})";
  private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?";
  private static final String OFFSET = "([Zz]|[+-]\\d{2}:\\d{2})";
  private static final Pattern DATE_TIME = Pattern.compile(DATE + "[Tt]" + TIME + OFFSET);
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);
  private static final Pattern TIME_ONLY = Pattern.compile(TIME + OFFSET);

  private Rfc3339() {}

  /** The instant, in UTC. */
  static OffsetDateTime dateTime(String text) {
    Matcher m = match(DATE_TIME, text, "an RFC 3339 date-time with seconds and an offset");
    try {
      LocalDate date = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
      LocalTime time = LocalTime.of(number(m, 4), number(m, 5), number(m, 6), nanos(m.group(7)));
      return OffsetDateTime.of(date, time, offset(m.group(8))).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw invalid(text, "an RFC 3339 date-time", e);
    }
  }

  static LocalDate date(String text) {
    Matcher m = match(DATE_ONLY, text, "a date YYYY-MM-DD");
    try {
      return LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
    } catch (DateTimeException e) {
      throw invalid(text, "a real civil date", e);
    }
  }

  /** The time of day in UTC: {@code 10:00:00+02:00} is {@code 08:00:00}. */
  static LocalTime time(String text) {
    Matcher m = match(TIME_ONLY, text, "a time HH:MM:SS with an offset");
    try {
      LocalTime local = LocalTime.of(number(m, 1), number(m, 2), number(m, 3), nanos(m.group(4)));
      return local.minusSeconds(offset(m.group(5)).getTotalSeconds());
    } catch (DateTimeException e) {
      throw invalid(text, "a time of day", e);
    }
  }

  private static Matcher match(Pattern pattern, String text, String expected) {
    Matcher m = pattern.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not " + expected);
    }
    return m;
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** Any number of digits, cut to microseconds, the precision Redpanda stores. */
  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    String micros = (fraction + "000000").substring(0, 6);
    return Integer.parseInt(micros) * 1_000;
  }

  private static ZoneOffset offset(String text) {
    return "Z".equalsIgnoreCase(text) ? ZoneOffset.UTC : ZoneOffset.of(text);
  }

  private static IllegalArgumentException invalid(String text, String expected, DateTimeException cause) {
    return new IllegalArgumentException("\"" + text + "\" is not " + expected + ": " + cause.getMessage(), cause);
  }
}
