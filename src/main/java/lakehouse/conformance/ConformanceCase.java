package lakehouse.conformance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import lakehouse.stack.redpanda.RedpandaIcebergTopics;

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
  private static final List<String> FIELDS = List.of("name", "source", "mode", "format", "schema", "schema_accepted",
      "invalid_record_action", "columns", "records");
  private static final List<String> RECORD_FIELDS = List.of("key", "value", "row", "dlq", "dlq_row");
  /** Redpanda's {@code redpanda.iceberg.mode} values; the suite runs value_schema_latest. */
  private static final List<String> MODES = List.of("key_value", "value_schema_id_prefix",
      RedpandaIcebergTopics.VALUE_SCHEMA_LATEST);
  /** The schema formats Redpanda translates (the Schema Registry's types); the suite runs JSON Schema. */
  private static final String JSON_FORMAT = "json";
  private static final List<String> FORMATS = List.of("avro", JSON_FORMAT, "protobuf");

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

  /**
   * The project's case files, then the user's from {@value #DIR}. Only a directory that does not exist
   * fails here (a setting the preflight names); a file that cannot be read comes back as such, so its
   * own test fails with the reason and every other case still runs.
   */
  public static List<CaseFile> toRun(lakehouse.stack.Settings settings) {
    List<CaseFile> cases = new ArrayList<>(builtIn());
    settings.get(DIR).ifPresent(dir -> cases.addAll(fromDirectory(Path.of(dir))));
    return cases;
  }

  public static int parallelism(lakehouse.stack.Settings settings) {
    return settings.positiveInt(PARALLELISM, 4);
  }

  /**
   * The case files in {@code conformance/} on the test classpath: the suite's own, or none in a project of your
   * own that has no such directory (its specs need no cases to run).
   */
  public static List<CaseFile> builtIn() {
    URL dir = ConformanceCase.class.getClassLoader().getResource("conformance");
    if (dir == null) {
      return List.of();
    }
    try {
      return fromDirectory(Path.of(dir.toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code *.json} file of a directory, in name order, each read or with the reason it cannot be. */
  public static List<CaseFile> fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("conformance directory " + dir.toAbsolutePath() + " (" + DIR + ") does not exist");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(CaseFile::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one case file; a file that is not one fails with the file, each field at fault and what it must be. */
  static ConformanceCase read(Path file) {
    JsonNode json;
    try (InputStream in = Files.newInputStream(file)) {
      json = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException("conformance case " + file + " is not JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("conformance case " + file + " cannot be read: " + e, e);
    }
    return parse(file, json);
  }

  static ConformanceCase parse(Path file, JsonNode json) {
    Problems problems = new Problems(file);
    if (json == null || !json.isObject()) {
      problems.add("the file must hold one JSON object, the case");
      problems.throwIfAny();
    }
    problems.onlyKnownFields(json, "", FIELDS);
    String name = problems.text(json, "name");
    String source = problems.text(json, "source");
    problems.supported(json, "mode", MODES, RedpandaIcebergTopics.VALUE_SCHEMA_LATEST);
    problems.supported(json, "format", FORMATS, JSON_FORMAT);
    JsonNode schema = json.path("schema");
    if (!schema.isObject()) {
      problems.add("\"schema\" must be a JSON Schema object" + problems.found(json.get("schema")));
    }
    boolean accepted = problems.bool(json, "schema_accepted", true);
    Map<String, String> columns = new LinkedHashMap<>();
    JsonNode columnTypes = json.get("columns");
    if (columnTypes != null && !columnTypes.isObject()) {
      problems.add("\"columns\" must be an object of column names to Iceberg types, such as {\"n\": \"long\"}"
          + problems.found(columnTypes));
    } else if (columnTypes != null) {
      columnTypes.fields().forEachRemaining(e -> {
        if (e.getValue().isTextual()) {
          columns.put(e.getKey(), e.getValue().asText());
        } else {
          problems.add("columns." + e.getKey() + " must be an Iceberg type as a string, such as \"long\""
              + problems.found(e.getValue()));
        }
      });
    }
    IcebergTopic.InvalidRecordAction action = switch (problems.string(json, "invalid_record_action", "dlq_table")) {
      case "dlq_table" -> IcebergTopic.InvalidRecordAction.DLQ_TABLE;
      case "drop" -> IcebergTopic.InvalidRecordAction.DROP;
      default -> {
        problems.add("\"invalid_record_action\" must be dlq_table or drop" + problems.found(json.get("invalid_record_action")));
        yield IcebergTopic.InvalidRecordAction.DLQ_TABLE;
      }
    };
    List<CaseRecord> records = new ArrayList<>();
    JsonNode list = json.get("records");
    if (list != null && !list.isArray()) {
      problems.add("\"records\" must be an array of records" + problems.found(list));
    } else if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        records.add(record(i, list.get(i), problems));
      }
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
    if (!record.isObject()) {
      problems.add(where + " must be an object with \"value\" and \"row\" or \"dlq\"" + problems.found(record));
      return new CaseRecord(offset, null, null, null, false, Map.of());
    }
    problems.onlyKnownFields(record, where + ".", RECORD_FIELDS);
    JsonNode value = record.get("value");
    if (value == null || !(value.isTextual() || value.isNull())) {
      problems.add(where + ".value must be a string, the record's value as text, or null for a tombstone"
          + problems.found(value));
    }
    JsonNode key = record.get("key");
    if (key != null && !(key.isTextual() || key.isNull())) {
      problems.add(where + ".key must be a string, the record's key as text, or null for none" + problems.found(key));
    }
    boolean deadLetter = problems.bool(record, "dlq", false, where + ".");
    JsonNode row = record.get("row");
    if (row != null && !row.isObject()) {
      problems.add(where + ".row must be an object of expected column values" + problems.found(row));
    }
    if (deadLetter == (row != null)) {
      problems.add(where + " needs exactly one of \"row\" (an object of expected column values) or \"dlq\": true");
    }
    JsonNode deadLetterRow = record.get("dlq_row");
    if (deadLetterRow != null && !(deadLetter && deadLetterRow.isObject())) {
      problems.add(where + ".dlq_row must be an object of expected dead-letter columns, with \"dlq\": true");
    }
    return new CaseRecord(offset, key == null || !key.isTextual() ? null : key.asText(),
        value == null || !value.isTextual() ? null : value.asText(), row == null || !row.isObject() ? null : columns(row),
        deadLetter,
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

  /** Collects every problem of a case file, so one run names them all: each with its field and what it must be. */
  private static final class Problems {
    private final Path file;
    private final List<String> found = new ArrayList<>();

    Problems(Path file) {
      this.file = file;
    }

    void add(String problem) {
      found.add(problem);
    }

    /** ", not <what the file holds>", for a field of the wrong type or value. */
    String found(JsonNode value) {
      if (value == null || value.isMissingNode()) {
        return ", and it is missing";
      }
      String shown = value.toString();
      return "; the file has " + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown);
    }

    void onlyKnownFields(JsonNode json, String prefix, List<String> known) {
      json.fieldNames().forEachRemaining(field -> {
        if (!known.contains(field)) {
          add(prefix + field + " is not a field of a conformance case" + (prefix.isEmpty() ? "" : " record")
              + "; the fields are " + String.join(", ", known));
        }
      });
    }

    String text(JsonNode json, String field) {
      JsonNode value = json.get(field);
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        add("\"" + field + "\" must be a non-empty string" + found(value));
        return "";
      }
      return value.asText();
    }

    /** An optional string field: its text, or the default when it is absent. */
    String string(JsonNode json, String field, String defaultValue) {
      JsonNode value = json.get(field);
      if (value == null) {
        return defaultValue;
      }
      return value.isTextual() ? value.asText() : "";
    }

    boolean bool(JsonNode json, String field, boolean defaultValue) {
      return bool(json, field, defaultValue, "");
    }

    boolean bool(JsonNode json, String field, boolean defaultValue, String prefix) {
      JsonNode value = json.get(field);
      if (value == null) {
        return defaultValue;
      }
      if (!value.isBoolean()) {
        add(prefix + (prefix.isEmpty() ? "\"" + field + "\"" : field) + " must be true or false" + found(value));
        return defaultValue;
      }
      return value.booleanValue();
    }

    /** A field naming one of Redpanda's modes or formats, of which the suite runs only {@code supported} so far. */
    void supported(JsonNode json, String field, List<String> known, String supported) {
      JsonNode value = json.get(field);
      if (value == null) {
        return;
      }
      if (!value.isTextual() || !known.contains(value.asText())) {
        add("\"" + field + "\" must be one of " + String.join(", ", known) + found(value));
      } else if (!value.asText().equals(supported)) {
        add("\"" + field + "\" is " + value.asText() + ", which the suite does not run yet: it runs only \""
            + supported + "\" (leave the field out for it)");
      }
    }

    void throwIfAny() {
      if (!found.isEmpty()) {
        throw new IllegalArgumentException("conformance case " + file + " is malformed: " + String.join("; ", found)
            + " (format: docs/redpanda-contract.md, \"Conformance cases\")");
      }
    }
  }
}
