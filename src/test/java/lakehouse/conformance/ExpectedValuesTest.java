package lakehouse.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** DuckDB's renderings of TIMESTAMPTZ (DuckDB 1.5 JDBC, TimeZone UTC), read back as instants. */
class ExpectedValuesTest {

  @Test
  void duckDbsTimestamptzRenderingsAreInstants() {
    assertThat(ExpectedValues.instant("2026-01-15 09:30:00.123456+00")).isEqualTo(Instant.parse("2026-01-15T09:30:00.123456Z"));
    assertThat(ExpectedValues.instant("10000-01-01 00:00:00+00")).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
    assertThat(ExpectedValues.instant("0001-01-01 (BC) 00:00:00+00")).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
    assertThat(ExpectedValues.instant("0002-01-01 (BC) 00:00:00+00")).isEqualTo(Instant.parse("-0001-01-01T00:00:00Z"));
    assertThat(ExpectedValues.instant("2026-01-15T09:30:00Z")).isEqualTo(Instant.parse("2026-01-15T09:30:00Z"));
  }

  @Test
  void theEndsOfInt64MicrosecondsAreHowDuckDbShowsThem() {
    assertThat(ExpectedValues.instant("infinity")).as("INT64_MAX microseconds")
        .isEqualTo(Instant.parse("+294247-01-10T04:00:54.775807Z"));
    assertThat(ExpectedValues.instant("-infinity")).as("-INT64_MAX microseconds")
        .isEqualTo(Instant.parse("-290308-12-21T19:59:05.224193Z"));
    assertThat(ExpectedValues.instant("290309-12-21 (BC) 19:59:05.224192+00")).as("INT64_MIN microseconds")
        .isEqualTo(Instant.parse("-290308-12-21T19:59:05.224192Z"));
  }

  @Test
  void anExpectedInstantMatchesDuckDbsRenderingOfIt() {
    assertThat(ExpectedValues.mismatch(Types.TimestampType.withZone(), TextNode.valueOf("+294247-01-10T04:00:54.775807Z"),
        TextNode.valueOf("infinity"))).isEmpty();
    assertThat(ExpectedValues.mismatch(Types.TimestampType.withZone(), TextNode.valueOf("2025-07-01T10:15:30Z"),
        TextNode.valueOf("infinity"))).isPresent();
  }

  @Test
  void bytesMayBeGivenAsHexAsTextOrAsDuckDbRendersThem() {
    JsonNode found = JsonNodeFactory.instance.textNode("ab\\xFF\\x00");

    assertThat(ExpectedValues.mismatch(Types.BinaryType.get(), hex("6162ff00"), found)).isEmpty();
    assertThat(ExpectedValues.mismatch(Types.FixedType.ofLength(4), hex("6162ff00"), found)).isEmpty();
    assertThat(ExpectedValues.mismatch(Types.BinaryType.get(), JsonNodeFactory.instance.textNode("ab\\xFF\\x00"), found))
        .isEmpty();
    assertThat(ExpectedValues.mismatch(Types.BinaryType.get(), JsonNodeFactory.instance.textNode("pen"),
        JsonNodeFactory.instance.textNode("pen"))).isEmpty();
    assertThat(ExpectedValues.mismatch(Types.BinaryType.get(), hex("6162ff01"), found)).isPresent();
  }

  @Test
  void uuidsCompareInLowerCase() {
    assertThat(ExpectedValues.mismatch(Types.UUIDType.get(),
        JsonNodeFactory.instance.textNode("0A8E6F02-6A2B-4C6E-9A4B-2E9B1E0C5D11"),
        JsonNodeFactory.instance.textNode("0a8e6f02-6a2b-4c6e-9a4b-2e9b1e0c5d11"))).isEmpty();
  }

  private static JsonNode hex(String hex) {
    return JsonNodeFactory.instance.objectNode().put("hex", hex);
  }
}
