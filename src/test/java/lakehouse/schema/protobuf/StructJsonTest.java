package lakehouse.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON text of a Struct, as serde/json/writer.cc writes it: numbers with absl::SixDigits (C's %g), strings with
 * its own escaping. The expected numbers are what C's printf("%g") prints.
 */
class StructJsonTest {
  private static final ProtobufMessage MESSAGE = ProtobufSchema.parse("""
      syntax = "proto3";
      import "google/protobuf/struct.proto";
      message M { google.protobuf.Value value_field = 1; }
      """).firstMessage();

  @ParameterizedTest
  @CsvSource({
      "12.04, 12.04", "42.5, 42.5", "99.9, 99.9", "2, 2", "100, 100", "-7.25, -7.25",
      "3.14159265, 3.14159", "1234567, 1.23457e+06", "999999.5, 1e+06", "123456.7, 123457",
      "100000.5, 100000", "0.0001, 0.0001", "0.00001, 1e-05", "0.000123456789, 0.000123457",
      "1e21, 1e+21", "1e100, 1e+100", "-1e-300, -1e-300", "0, 0", "-0.0, -0", "4.9e-324, 4.94066e-324"})
  void numbersAreWrittenWithSixSignificantDigits(double number, String json) {
    assertThat(StructJson.sixDigits(number)).isEqualTo(json);
    assertThat(value("{\"value_field\": " + number + "}")).isEqualTo(json);
  }

  @Test
  void stringsEscapeSlashControlAndEveryNonAsciiCharacter() {
    assertThat(value("{\"value_field\": \"a/b \\\"q\\\" \\\\ \\n\\t\\u0001\\u007f é 😀\"}"))
        .isEqualTo("\"a\\/b \\\"q\\\" \\\\ \\n\\t\\u0001\u007f \\u00e9 \\ud83d\\ude00\"");
  }

  @Test
  void invalidUtf8IsTheReplacementCharacter() {
    byte[] payload = ProtobufTranslationTest.write(out -> out.writeByteArray(1, ProtobufTranslationTest.write(
        value -> value.writeByteArray(3, new byte[] {'a', (byte) 0xff, (byte) 0xc3, 'b', (byte) 0xe2, (byte) 0x82}))));

    // 0xff is no lead byte; 0xc3 'b' is a lead byte and a non-continuation, both read; 0xe2 0x82 runs out.
    assertThat(MESSAGE.translate(payload).get("value_field")).isEqualTo("\"a\\ufffd\\ufffd\\ufffd\"");
  }

  @Test
  void objectsAndArraysAreCompact() {
    assertThat(value("{\"value_field\": {\"k\": [true, null, {\"x\": \"y\"}, []]}}"))
        .isEqualTo("{\"k\":[true,null,{\"x\":\"y\"},[]]}");
  }

  private static String value(String json) {
    Map<String, Object> row = MESSAGE.translate(ProtobufTranslationTest.encode(MESSAGE, json));
    return (String) row.get("value_field");
  }
}
