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
    List<ConformanceCase> cases = ConformanceCase.builtIn().stream().map(CaseFile::orFail).toList();

    assertThat(cases).hasSizeGreaterThanOrEqualTo(12);
    assertThat(cases.stream().mapToInt(c -> c.records().size()).sum()).isGreaterThanOrEqualTo(50);
  }

  @Test
  void aUsersDirectoryAddsItsCasesAfterTheProjectsOwn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("mine.json"), """
        {"name": "my orders", "source": "our own schema", "schema": {"type": "object", "properties": {"id": {"type": "integer"}}},
         "records": [{"value": "{\\"id\\": 1}", "row": {"id": 1}}]}""");
    Files.writeString(dir.resolve("notes.txt"), "not a case");

    List<CaseFile> cases = ConformanceCase.toRun(new Settings(Map.of(ConformanceCase.DIR, dir.toString()), Map.of()));

    assertThat(cases).hasSize(ConformanceCase.builtIn().size() + 1);
    assertThat(cases.get(cases.size() - 1).orFail().name()).isEqualTo("my orders");
  }

  @Test
  void aMissingDirectoryIsASettingThatIsWrong(@TempDir Path dir) {
    assertThatThrownBy(() -> ConformanceCase.toRun(new Settings(Map.of(ConformanceCase.DIR, dir.resolve("nope").toString()), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(dir.resolve("nope") + " (lakehouse.conformance.dir) does not exist");
  }

  @Test
  void aMalformedCaseNamesItsFileAndEveryProblem(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\"name\": \"x\", \"records\": [{\"value\": 1, \"row\": {}, \"dlq\": true}]}");

    assertThat(problemOf(dir, "bad.json"))
        .contains("bad.json")
        .contains("\"source\" must be a non-empty string, and it is missing")
        .contains("\"schema\" must be a JSON Schema object")
        .contains("records[0].value must be a string")
        .contains("records[0] needs exactly one of");
  }

  @Test
  void aFileThatCannotBeReadIsOneFailingCaseAndTheOthersStillLoad(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a-broken.json"), "{\"name\": \"x\",\n \"source\": }");
    Files.writeString(dir.resolve("b-good.json"), GOOD);

    List<CaseFile> files = ConformanceCase.fromDirectory(dir);

    assertThat(files).extracting(CaseFile::readable).containsExactly(false, true);
    assertThat(files.get(0).displayName()).isEqualTo("cannot be read [a-broken.json]");
    assertThat(files.get(0).problem()).contains(dir.resolve("a-broken.json") + " is not JSON: ", "(line 2, column");
    assertThatThrownBy(files.get(0)::orFail).isInstanceOf(AssertionError.class).hasMessage(files.get(0).problem());
    assertThat(files.get(1).orFail().name()).isEqualTo("good");
  }

  @Test
  void anUnknownFieldIsNamedWithTheFieldsThatExist(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("typo.json"), GOOD.replace("\"schema_accepted\"", "\"schema_acepted\"")
        .replace("\"dlq\": true", "\"dlq\": true, \"headers\": {}"));

    assertThat(problemOf(dir, "typo.json"))
        .contains("schema_acepted is not a field of a conformance case; the fields are name, source, mode, format, schema,"
            + " protobuf_name, schema_accepted, invalid_record_action, columns, records, embedded_differs")
        .contains("records[1].headers is not a field of a conformance case record; the fields are key, value, value_hex,"
            + " schema_id, message_indexes, trailing_hex, transaction, row, dlq, dlq_row");
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedWithWhatItMustBeAndWhatTheFileHas(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("types.json"), GOOD.replace("\"schema_accepted\": true", "\"schema_accepted\": \"yes\"")
        .replace("\"columns\": {\"n\": \"long\"}", "\"columns\": {\"n\": 64}")
        .replace("\"dlq\": true", "\"dlq\": \"true\", \"key\": 7"));
    Files.writeString(dir.resolve("records.json"), GOOD.replaceFirst("\"records\": \\[.*", "\"records\": {\"value\": \"1\"}}"));

    assertThat(problemOf(dir, "types.json"))
        .contains("\"schema_accepted\" must be true or false; the file has \"yes\"")
        .contains("columns.n must be an Iceberg type as a string, such as \"long\"; the file has 64")
        .contains("records[1].dlq must be true or false; the file has \"true\"")
        .contains("records[1].key must be a string, the record's key as text, or null for none; the file has 7");
    assertThat(problemOf(dir, "records.json"))
        .contains("\"records\" must be an array of records; the file has {\"value\":\"1\"}");
  }

  @Test
  void aModeOrFormatThatDoesNotFitIsNamed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("kv.json"), GOOD.replace("{\"name\"", "{\"format\": \"avro\", \"mode\": \"key_value\", \"name\""));
    Files.writeString(dir.resolve("json.json"), GOOD.replace("{\"name\"", "{\"format\": \"json\", \"mode\": \"value_schema_latest\", \"name\""));
    Files.writeString(dir.resolve("typo.json"), GOOD.replace("{\"name\"", "{\"format\": \"xml\", \"mode\": \"latest\", \"name\""));
    Files.writeString(dir.resolve("proto.json"), GOOD.replace("{\"name\"", "{\"format\": \"protobuf\", \"name\""));

    assertThat(problemOf(dir, "kv.json")).contains("a key_value case has no \"schema\" and no \"format\"");
    assertThat(ConformanceCase.fromDirectory(dir)).filteredOn(file -> file.file().endsWith("json.json"))
        .singleElement().satisfies(file -> assertThat(file.readable()).isTrue());
    assertThat(problemOf(dir, "typo.json")).contains("\"format\" must be json, avro or protobuf; the file has \"xml\"")
        .contains("\"mode\" must be key_value, value_schema_id_prefix or value_schema_latest; the file has \"latest\"");
    assertThat(problemOf(dir, "proto.json")).contains("\"schema\" must be the .proto file's text, as a string");
  }

  @Test
  void anAvroSchemaThatIsAPrimitivesNameIsThatSchema(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("long.json"), """
        {"name": "a long", "source": "s", "mode": "value_schema_id_prefix", "format": "avro", "schema": "long",
         "records": [{"value": "42", "row": {"root": 42}}]}""");

    ConformanceCase testCase = ConformanceCase.fromDirectory(dir).get(0).orFail();

    assertThat(testCase.valueSchema().text()).isEqualTo("\"long\"");
    assertThat(testCase.valueBytes(testCase.records().get(0), 7)).containsExactly(0, 0, 0, 0, 7, 0x54);
  }

  /** A case every other test breaks in one place. */
  private static final String GOOD = """
      {"name": "good", "source": "a test", "schema": {"type": "object", "properties": {"n": {"type": "integer"}}},
       "schema_accepted": true, "columns": {"n": "long"},
       "records": [{"value": "{\\"n\\": 1}", "row": {"n": 1}}, {"value": "x", "dlq": true}]}""";

  private static String problemOf(Path dir, String name) {
    CaseFile file = ConformanceCase.fromDirectory(dir).stream().filter(f -> f.file().getFileName().toString().equals(name))
        .findFirst().orElseThrow();
    assertThat(file.readable()).as(name + " is read as a case").isFalse();
    return file.problem();
  }

  @Test
  void deadLetterColumnsBelongToADeadLetter(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("odd.json"), """
        {"name": "odd", "source": "s", "schema": {"type": "object"},
         "records": [{"value": "x", "row": {}, "dlq_row": {"value": "x"}}]}""");

    assertThatThrownBy(() -> ConformanceCase.fromDirectory(dir).get(0).orFail())
        .hasMessageContaining("records[0].dlq_row must be an object of expected dead-letter columns");
  }

  @TestFactory
  Stream<DynamicTest> theEmbeddedTranslationFollowsEveryCase() {
    // The Schema Registry modes and key_value need a registry and a stack: ConformanceSpec runs those.
    return ConformanceCase.builtIn().stream()
        .filter(file -> !file.readable() || file.testCase().isLatestJson() && file.testCase().embeddedDiffers().isEmpty())
        .map(file -> DynamicTest.dynamicTest(file.displayName(), () -> check(file.orFail())));
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
      if (record.aborted()) {
        continue; // never read: the sink reads committed data only
      }
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
    headers.add("__connect.errors.offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8), null);
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
