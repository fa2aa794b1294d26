package lakehouse.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a Protobuf case's values are written in the wire format: each as the message its indexes name. */
class ProtobufCaseValuesTest {
  private static final String SCHEMA = """
      syntax = "proto3";
      message First { int32 n = 1; }
      message Second { message Inner { string s = 1; } int32 n = 2; }
      """;

  @Test
  void aValueIsEncodedAsTheMessageItsIndexesName(@TempDir Path dir) throws Exception {
    ConformanceCase testCase = read(dir, """
        [{"value": "{\\"n\\": 1}", "row": {}},
         {"value": "{\\"n\\": 1}", "message_indexes": [1], "row": {}},
         {"value": "{\\"s\\": \\"x\\"}", "message_indexes": [1, 0], "row": {}}]""");

    assertThat(hex(testCase, 0)).isEqualTo("0000000007" + "00" + "0801");
    assertThat(hex(testCase, 1)).isEqualTo("0000000007" + "0202" + "1001");
    assertThat(hex(testCase, 2)).isEqualTo("0000000007" + "040200" + "0a0178");
  }

  @Test
  void indexesThatNameNoMessageStillCarryTheValueAsTheFirstMessage(@TempDir Path dir) throws Exception {
    ConformanceCase testCase = read(dir, """
        [{"value": "{\\"n\\": 1}", "message_indexes": [100], "dlq": true}]""");

    assertThat(hex(testCase, 0)).isEqualTo("0000000007" + "02c801" + "0801");
  }

  private static ConformanceCase read(Path dir, String records) throws Exception {
    Path file = dir.resolve("case.json");
    Files.writeString(file, "{\"name\": \"n\", \"source\": \"s\", \"mode\": \"value_schema_id_prefix\","
        + " \"format\": \"protobuf\", \"schema\": " + new ObjectMapper().writeValueAsString(SCHEMA) + ", \"records\": "
        + records + "}");
    return ConformanceCase.read(file);
  }

  private static String hex(ConformanceCase testCase, int record) {
    return HexFormat.of().formatHex(testCase.valueBytes(testCase.records().get(record), 7));
  }
}
