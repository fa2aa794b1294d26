package lakehouse.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lakehouse.plugin.JsonSchemaConverter;
import lakehouse.plugin.RedpandaMetadata;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.SchemaRules;
import lakehouse.stack.Settings;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded stack's translation (the converter, then the metadata transform, in-process) against
 * every conformance case, in milliseconds. ConformanceSpec runs the same cases through a whole stack.
 */
class ConformanceCasesTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void theProjectHasAtLeastTwelveCasesAndFiftyRecords() {
    List<ConformanceCase> cases = ConformanceCase.builtIn();

    assertThat(cases).hasSizeGreaterThanOrEqualTo(12);
    assertThat(cases.stream().mapToInt(c -> c.records().size()).sum()).isGreaterThanOrEqualTo(50);
  }

  @Test
  void aUsersDirectoryAddsItsCasesAfterTheProjectsOwn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("mine.json"), """
        {"name": "my orders", "source": "our own schema", "schema": {"type": "object", "properties": {"id": {"type": "integer"}}},
         "records": [{"value": "{\\"id\\": 1}", "row": {"id": 1}}]}""");
    Files.writeString(dir.resolve("notes.txt"), "not a case");

    List<ConformanceCase> cases = ConformanceCase.toRun(new Settings(Map.of(ConformanceCase.DIR, dir.toString()), Map.of()));

    assertThat(cases).hasSize(ConformanceCase.builtIn().size() + 1);
    assertThat(cases.get(cases.size() - 1).name()).isEqualTo("my orders");
  }

  @Test
  void aMalformedCaseNamesItsFileAndEveryProblem(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\"name\": \"x\", \"records\": [{\"value\": 1, \"row\": {}, \"dlq\": true}]}");

    assertThatThrownBy(() -> ConformanceCase.fromDirectory(dir))
        .hasMessageContaining("bad.json")
        .hasMessageContaining("\"source\" must be a non-empty string")
        .hasMessageContaining("\"schema\" must be a JSON Schema object")
        .hasMessageContaining("records[0].value must be a string")
        .hasMessageContaining("records[0] needs exactly one of");
  }

  @Test
  void deadLetterColumnsBelongToADeadLetter(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("odd.json"), """
        {"name": "odd", "source": "s", "schema": {"type": "object"},
         "records": [{"value": "x", "row": {}, "dlq_row": {"value": "x"}}]}""");

    assertThatThrownBy(() -> ConformanceCase.fromDirectory(dir))
        .hasMessageContaining("records[0].dlq_row must be an object of expected dead-letter columns");
  }

  @TestFactory
  Stream<DynamicTest> theEmbeddedTranslationFollowsEveryCase() {
    return ConformanceCase.builtIn().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(ConformanceCase testCase) {
    List<SchemaRules.Violation> violations = SchemaRules.violations(testCase.schema());
    if (!testCase.schemaAccepted()) {
      assertThat(violations).as("Redpanda refuses this schema, so the preflight must").isNotEmpty();
      return;
    }
    assertThat(violations).as("violations of a schema Redpanda accepts").isEmpty();
    JsonSchemaConverter converter = new JsonSchemaConverter();
    converter.configure(Map.of(JsonSchemaConverter.SCHEMA_CONFIG, testCase.schema().toString()), false);
    RedpandaMetadata metadata = new RedpandaMetadata();
    metadata.configure(Map.of());
    RedpandaMetadata deadLetterMetadata = new RedpandaMetadata();
    deadLetterMetadata.configure(Map.of(RedpandaMetadata.FROM_ERROR_HEADERS, "true"));
    Map<Long, JsonNode> rows = new HashMap<>();
    Map<Long, CaseCheck.DeadLetter> deadLetters = new HashMap<>();
    for (ConformanceCase.CaseRecord record : testCase.records()) {
      byte[] value = ConformanceCase.valueBytes(record);
      try {
        Object translated = converter.toConnectData("t", value).value();
        SinkRecord row = metadata.apply(new SinkRecord("t", 0, null, key(record), null, translated, record.offset(),
            0L, TimestampType.CREATE_TIME));
        rows.put((long) record.offset(), json(row.value()));
      } catch (DataException refused) {
        deadLetters.put((long) record.offset(), deadLetter(deadLetterMetadata, record, value));
      }
    }
    assertThat(new CaseCheck(testCase, IcebergTypes.tableSchema(testCase.jsonSchema()), IcebergTypes.deadLetterSchema())
        .problems(rows, deadLetters))
        .as("%s", testCase).isEmpty();
  }

  /** The record as Kafka Connect's dead-letter queue hands it to the dead-letter connector, then its row. */
  private static CaseCheck.DeadLetter deadLetter(RedpandaMetadata metadata, ConformanceCase.CaseRecord record,
      byte[] value) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.add("__connect.errors.partition", "0".getBytes(StandardCharsets.UTF_8), null);
    headers.add("__connect.errors.offset", Integer.toString(record.offset()).getBytes(StandardCharsets.UTF_8), null);
    SinkRecord row = metadata.apply(new SinkRecord("t.dlq", 0, null, key(record), null, value, record.offset(), 0L,
        TimestampType.CREATE_TIME, headers));
    Object bytes = ((Map<?, ?>) row.value()).get("value");
    return new CaseCheck.DeadLetter(bytes == null ? null : HexFormat.of().withUpperCase().formatHex((byte[]) bytes),
        json(row.value()));
  }

  private static byte[] key(ConformanceCase.CaseRecord record) {
    return record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
  }

  /** The translated row as JSON, temporal values in ISO-8601, as a reader would render them. */
  static JsonNode json(Object value) {
    if (value == null) {
      return JSON.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = JSON.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), json(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = JSON.arrayNode();
      list.forEach(element -> array.add(json(element)));
      return array;
    }
    if (value instanceof Long l) {
      return JSON.numberNode(l);
    }
    if (value instanceof Integer i) {
      return JSON.numberNode(i);
    }
    if (value instanceof Double d) {
      return JSON.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    if (value instanceof byte[] bytes) {
      return JSON.textNode(new String(bytes, StandardCharsets.UTF_8));
    }
    if (value instanceof String || value instanceof TemporalAccessor) {
      return JSON.textNode(value.toString());
    }
    throw new IllegalArgumentException("a translated value of " + value.getClass());
  }
}
