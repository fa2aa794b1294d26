package lakehouse.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.IcebergTopic;

/**
 * One conformance case: a JSON Schema, whether Redpanda accepts it, and records with what each
 * becomes: a row with some expected column values, or a dead letter. The format is documented in
 * docs/redpanda-contract.md ("Conformance cases"); a file that does not follow it fails with the
 * file and the field at fault.
 *
 * @param source where Redpanda states the behaviour the case pins
 * @param columns expected Iceberg type of named columns, as {@code long}, {@code list<string>} …
 */
public record ConformanceCase(Path file, String name, String source, JsonNode schema, boolean schemaAccepted,
    Map<String, String> columns, IcebergTopic.InvalidRecordAction invalidRecords, List<CaseRecord> records) {

  /** A directory of the user's own cases, run after the project's. */
  public static final String DIR = "lakehouse.conformance.dir";
  /** How many cases run at once on a stack. */
  public static final String PARALLELISM = "lakehouse.conformance.parallelism";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One record of a case.
   *
   * @param key the key's UTF-8 bytes are the record's key; null for none
   * @param value the value's UTF-8 bytes are the record's value, so invalid JSON can be expressed; null for a
   *     tombstone
   * @param row expected values of some columns (JSON null is SQL NULL); null for a dead letter
   * @param deadLetterRow expected values of some columns of the dead letter's row in {@code <topic>~dlq},
   *     such as {@code redpanda.key}; empty when the case names none
   */
  public record CaseRecord(int offset, String key, String value, Map<String, JsonNode> row, boolean deadLetter,
      Map<String, JsonNode> deadLetterRow) {}

  /** The project's cases, then the user's from {@value #DIR}; a malformed file fails here, naming itself. */
  public static List<ConformanceCase> toRun(lakehouse.stack.Settings settings) {
    List<ConformanceCase> cases = new ArrayList<>(builtIn());
    settings.get(DIR).ifPresent(dir -> cases.addAll(fromDirectory(Path.of(dir))));
    return cases;
  }

  public static int parallelism(lakehouse.stack.Settings settings) {
    return settings.positiveInt(PARALLELISM, 4);
  }

  /** The project's own cases, from the test classpath. */
  public static List<ConformanceCase> builtIn() {
    URL dir = ConformanceCase.class.getClassLoader().getResource("conformance");
    if (dir == null) {
      throw new IllegalStateException("no conformance/ directory on the test classpath");
    }
    try {
      return fromDirectory(Path.of(dir.toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code *.json} file of a directory, in name order. */
  public static List<ConformanceCase> fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("conformance directory " + dir.toAbsolutePath() + " does not exist");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(ConformanceCase::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ConformanceCase read(Path file) {
    JsonNode json;
    try (InputStream in = Files.newInputStream(file)) {
      json = JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not a JSON conformance case: " + e.getMessage(), e);
    }
    return parse(file, json);
  }

  static ConformanceCase parse(Path file, JsonNode json) {
    Problems problems = new Problems(file);
    String name = problems.text(json, "name");
    String source = problems.text(json, "source");
    JsonNode schema = json.path("schema");
    if (!schema.isObject()) {
      problems.add("\"schema\" must be a JSON Schema object");
    }
    boolean accepted = json.path("schema_accepted").asBoolean(true);
    Map<String, String> columns = new LinkedHashMap<>();
    json.path("columns").fields().forEachRemaining(e -> columns.put(e.getKey(), e.getValue().asText()));
    IcebergTopic.InvalidRecordAction action = switch (json.path("invalid_record_action").asText("dlq_table")) {
      case "dlq_table" -> IcebergTopic.InvalidRecordAction.DLQ_TABLE;
      case "drop" -> IcebergTopic.InvalidRecordAction.DROP;
      default -> {
        problems.add("\"invalid_record_action\" must be dlq_table or drop");
        yield IcebergTopic.InvalidRecordAction.DLQ_TABLE;
      }
    };
    List<CaseRecord> records = new ArrayList<>();
    JsonNode list = json.path("records");
    for (int i = 0; i < list.size(); i++) {
      records.add(record(i, list.get(i), problems));
    }
    if (accepted && records.isEmpty()) {
      problems.add("a case whose schema is accepted needs \"records\"");
    }
    if (!accepted && !records.isEmpty()) {
      problems.add("a case whose schema is refused has no \"records\"");
    }
    problems.throwIfAny();
    return new ConformanceCase(file, name, source, schema, accepted, columns, action, records);
  }

  private static CaseRecord record(int offset, JsonNode record, Problems problems) {
    String where = "records[" + offset + "]";
    JsonNode value = record.get("value");
    if (value == null || !(value.isTextual() || value.isNull())) {
      problems.add(where + ".value must be a string, the record's value as text, or null for a tombstone");
    }
    boolean deadLetter = record.path("dlq").asBoolean(false);
    JsonNode row = record.get("row");
    if (deadLetter == (row != null)) {
      problems.add(where + " needs exactly one of \"row\" (an object of expected column values) or \"dlq\": true");
    }
    JsonNode deadLetterRow = record.get("dlq_row");
    if (deadLetterRow != null && !(deadLetter && deadLetterRow.isObject())) {
      problems.add(where + ".dlq_row must be an object of expected dead-letter columns, with \"dlq\": true");
    }
    JsonNode key = record.get("key");
    return new CaseRecord(offset, key == null || key.isNull() ? null : key.asText(),
        value == null || value.isNull() ? null : value.asText(), row == null ? null : columns(row), deadLetter,
        deadLetterRow == null ? Map.of() : columns(deadLetterRow));
  }

  /** Expected values by column name, in the file's order. */
  private static Map<String, JsonNode> columns(JsonNode object) {
    Map<String, JsonNode> expected = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      expected.put(field.getKey(), field.getValue());
    }
    return expected;
  }

  /** The schema as the suite registers it. */
  public JsonSchema jsonSchema() {
    return JsonSchema.parse(schema.toString());
  }

  public static byte[] valueBytes(CaseRecord record) {
    return record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
  }

  public long expectedRows() {
    return records.stream().filter(r -> !r.deadLetter()).count();
  }

  public long expectedDeadLetters() {
    return records.stream().filter(CaseRecord::deadLetter).count();
  }

  /**
   * A topic name for the case: lower case letters, digits and '_'. The index keeps a user's case apart
   * from a built-in one of the same file name.
   */
  public String topicName(int index) {
    String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
    String slug = stem.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    return "conformance_" + index + "_" + (slug.length() > 40 ? slug.substring(0, 40) : slug);
  }

  @Override
  public String toString() {
    return name + " (" + file.getFileName() + ")";
  }

  /** Collects every problem of a case file, so one run names them all. */
  private static final class Problems {
    private final Path file;
    private final List<String> found = new ArrayList<>();

    Problems(Path file) {
      this.file = file;
    }

    void add(String problem) {
      found.add(problem);
    }

    String text(JsonNode json, String field) {
      JsonNode value = json.get(field);
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        add("\"" + field + "\" must be a non-empty string");
        return "";
      }
      return value.asText();
    }

    void throwIfAny() {
      if (!found.isEmpty()) {
        throw new IllegalArgumentException("conformance case " + file + " is malformed: " + String.join("; ", found)
            + " (format: docs/redpanda-contract.md, \"Conformance cases\")");
      }
    }
  }
}
