package lakehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Redpanda stores for a {@code date-time} or {@code time} string: absl's {@code ParseTime}, then
 * {@code ToInt64Microseconds} (time_rfc3339.cc). The first cases are Redpanda's own
 * ({@code time_rfc3339_tests.cc}); the rest follow from absl's {@code format.cc} and cctz's
 * {@code time_zone_format.cc}.
 */
class Rfc3339Test {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // Redpanda's TimestampzFromStringTest
      "2025-07-01T10:15:30Z        | 1751364930000000",
      "2025-07-01t10:15:30z        | 1751364930000000",
      "2025-07-01T12:15:30+02:00   | 1751364930000000",
      "2025-07-01T05:15:30-05:00   | 1751364930000000",
      "2025-07-01T10:15:30.123456Z | 1751364930123456",
      // field widths are maxima; leading zeros are fine where the width is unlimited (the year)
      "2025-7-1T1:2:3Z             | 1751331723000000",
      "02025-07-01T10:15:30Z       | 1751364930000000",
      // offsets: hours, then optional minutes and seconds, each with or without ':'
      "2025-07-01T12:15:30+02      | 1751364930000000",
      "2025-07-01T12:15:30+0200    | 1751364930000000",
      "2025-07-01T12:16:00+02:00:30| 1751364930000000",
      "2025-07-01T12:16:00+020030  | 1751364930000000",
      // second 60 is the next minute's second 0, its fraction dropped
      "2016-12-31T23:59:60Z        | 1483228800000000",
      "2016-12-31T23:59:60.5Z      | 1483228800000000",
      // fractions: truncated toward zero, also before 1970; digits past the 15th do not count
      "1969-12-31T23:59:59.999999Z  | -1",
      "1969-12-31T23:59:59.9999995Z | 0",
      "2025-07-01T10:15:30.1234569Z | 1751364930123456",
      // years: five digits, zero, negative
      "10000-01-01T00:00:00Z       | 253402300800000000",
      "0-01-01T00:00:00Z           | -62167219200000000",
      "-1-01-01T00:00:00Z          | -62198755200000000",
      // beyond int64 microseconds it saturates
      "300000-01-01T00:00:00Z      | 9223372036854775807",
      "-300000-01-01T00:00:00Z     | -9223372036854775808",
      "292277026596-12-04T15:30:07Z  | 9223372036854775807",
      "-292277022657-01-27T08:29:52Z | -9223372036854775808"})
  void dateTimeIsStoredAsAbslParsesIt(String text, long micros) {
    assertThat(Rfc3339.micros(text, true, "date-time")).isEqualTo(micros);
    assertThat(Rfc3339.dateTime(text)).isEqualTo(Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(
        java.time.ZoneOffset.UTC));
  }

  @Test
  void whitespaceAroundTheValueIsSkipped() {
    assertThat(Rfc3339.dateTime(" \t\n2025-07-01T10:15:30Z \r\f\u000B"))
        .isEqualTo(OffsetDateTime.parse("2025-07-01T10:15:30Z"));
  }

  @Test
  void theInfiniteLiteralsAreTheEndsOfInt64Microseconds() {
    assertThat(Rfc3339.micros("infinite-future", true, "date-time")).isEqualTo(Long.MAX_VALUE);
    assertThat(Rfc3339.micros("  infinite-past \t", true, "date-time")).isEqualTo(Long.MIN_VALUE);
    assertThat(Rfc3339.dateTime("infinite-future")).isEqualTo(OffsetDateTime.parse("+294247-01-10T04:00:54.775807Z"));
    assertThat(Rfc3339.dateTime("infinite-past")).isEqualTo(OffsetDateTime.parse("-290308-12-21T19:59:05.224192Z"));
  }

  @Test
  void aNulEndsWhatCctzReads() {
    assertThat(Rfc3339.dateTime("2025-07-01T10:15:30Z\u0000junk")).isEqualTo(OffsetDateTime.parse("2025-07-01T10:15:30Z"));
    assertThatThrownBy(() -> Rfc3339.dateTime("infinite-future\u0000")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not-a-timestamp", "2025-13-01T10:15:30Z", // Redpanda's own
      "2025-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-00-01T00:00:00Z", "2025-07-00T00:00:00Z",
      "2025-007-01T00:00:00Z", "2025-07-01T24:00:00Z", "2025-07-01T10:60:00Z", "2025-07-01T10:15:61Z",
      "2025-07-01T10:15Z", "2025-07-01T10:15:30", "2025-07-01 10:15:30Z", "2025-07-01T10:15:30.Z",
      "+2025-07-01T10:15:30Z", "-0-01-01T00:00:00Z", "2025-07-01T10:15:30+2:00", "2025-07-01T10:15:30+24:00",
      "2025-07-01T10:15:30+02:", "2025-07-01T10:15:30+02:60", "2025-07-01T10:15:30+02:3",
      "2025-07-01T10:15:30Zjunk", "infinite-futurex", "infinite", "",
      "292277026596-12-04T15:30:08Z", "-292277022657-01-27T08:29:51Z", "99999999999999999999-01-01T00:00:00Z"})
  void whatAbslRefusesIsADeadLetter(String text) {
    assertThatThrownBy(() -> Rfc3339.dateTime(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RFC3339_full");
  }

  @Test
  void timeIsParsedTheSameWayOnTheFirstOfJanuary1970() {
    assertThat(Rfc3339.time("10:15:30Z")).isEqualTo(LocalTime.parse("10:15:30"));
    assertThat(Rfc3339.time(" 1:2:3z ")).isEqualTo(LocalTime.parse("01:02:03"));
    assertThat(Rfc3339.time("12:15:30.123456+02:00")).isEqualTo(LocalTime.parse("10:15:30.123456"));
    assertThat(Rfc3339.micros("08:15:30.123456-02:00", false, "time")).isEqualTo(36_930_123_456L);
    assertThatThrownBy(() -> Rfc3339.time("25:15:30")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rfc3339.time("2025-07-01T10:15:30Z")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void epochDaysAgreeWithJavasProlepticCalendar() {
    for (String date : new String[] {"1970-01-01", "2024-02-29", "2025-07-01", "0000-03-01", "-0001-12-31",
        "+10000-01-01", "-290308-12-21", "1600-02-29"}) {
      LocalDate day = LocalDate.parse(date);
      assertThat(Rfc3339.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth())).as(date)
          .isEqualTo(day.toEpochDay());
    }
  }
}
