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
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.ValueFormat;
import lakehouse.schema.ValueSchema;
import lakehouse.schema.WireFormat;
import lakehouse.schema.formats.ValueSchemas;
import lakehouse.stack.IcebergTopic;

/**
 * One conformance case: an Iceberg topic's mode and schema (JSON Schema, Avro or Protobuf), whether Redpanda
 * accepts the schema, and records with what each becomes: a row with some expected column values, a dead letter,
 * or nothing at all (an aborted transaction). The format is documented in docs/redpanda-contract.md ("Conformance
 * cases"); a file that does not follow it fails with the file and the field at fault.
 *
 * @param source where Redpanda states the behaviour the case pins
 * @param schema the schema as the file gives it: a JSON Schema or Avro schema as JSON, a {@code .proto} file's text
 *     as a JSON string; missing in {@code key_value}
 * @param columns expected Iceberg type of named columns, as {@code long}, {@code list<string>} …
 * @param embeddedDiffers why the embedded stand-in cannot do what Redpanda does here (the contract page's
 *     Differs row): the case is skipped there with this reason, and runs on every other stack
 */
public record ConformanceCase(Path file, String name, String source, IcebergTopic.Mode mode, ValueFormat format,
    JsonNode schema, Optional<String> protobufName, boolean schemaAccepted, Map<String, String> columns,
    IcebergTopic.InvalidRecordAction invalidRecords, List<CaseRecord> records, Optional<String> embeddedDiffers) {

  /** A directory of the user's own cases, run after the project's. */
  public static final String DIR = "lakehouse.conformance.dir";
  /** How many cases run at once on a stack. */
  public static final String PARALLELISM = "lakehouse.conformance.parallelism";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS = List.of("name", "source", "mode", "format", "schema", "protobuf_name",
      "schema_accepted", "invalid_record_action", "columns", "records", "embedded_differs");
  private static final List<String> RECORD_FIELDS = List.of("key", "value", "value_hex", "schema_id", "message_indexes",
      "trailing_hex", "transaction", "row", "dlq", "dlq_row");
  private static final HexFormat HEX = HexFormat.of();

  /**
   * One record of a case.
   *
   * @param offset its Kafka offset: its place in the file until it is produced, then the offset the producer's
   *     acknowledgement gave it (transaction markers take offsets too)
   * @param key the key's UTF-8 bytes are the record's key; null for none
   * @param value the value as text, encoded in the case's format; null for a tombstone, or where {@code valueHex}
   *     gives the bytes
   * @param valueHex the value's exact bytes in hex, with nothing added; null when {@code value} gives it
   * @param schemaId in {@code value_schema_id_prefix}, the ID written in the header instead of the registered one
   * @param messageIndexes Protobuf message indexes written in the header; {@code [0]} by default
   * @param trailingHex bytes appended after the encoded value, in hex; empty for none
   * @param transaction whether the record is sent in a transaction of its own, and how it ends
   * @param row expected values of some columns (JSON null is SQL NULL); null for a dead letter or an aborted record
   * @param deadLetterRow expected values of some columns of the dead letter's row in {@code <topic>~dlq},
   *     such as {@code redpanda.key}; empty when the case names none
   */
  public record CaseRecord(long offset, String key, String value, String valueHex, Integer schemaId,
      List<Integer> messageIndexes, String trailingHex, Transaction transaction, Map<String, JsonNode> row,
      boolean deadLetter, Map<String, JsonNode> deadLetterRow) {

    /** The same record at the offset the producer's acknowledgement gave it. */
    public CaseRecord at(long acknowledgedOffset) {
      return new CaseRecord(acknowledgedOffset, key, value, valueHex, schemaId, messageIndexes, trailingHex, transaction,
          row, deadLetter, deadLetterRow);
    }

    public boolean aborted() {
      return transaction == Transaction.ABORTED;
    }
  }

  /** How a record is sent: alone, or in a transaction of its own that commits or aborts. */
  public enum Transaction { NONE, COMMITTED, ABORTED }

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
    return settings.positiveInt(PARALLELISM, 12);
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
    IcebergTopic.Mode mode = problems.choice(json, "mode", IcebergTopic.Mode.VALUE_SCHEMA_LATEST,
        IcebergTopic.Mode::fromProperty, "key_value, value_schema_id_prefix or value_schema_latest");
    ValueFormat format = problems.choice(json, "format", ValueFormat.JSON, ValueFormat::fromSetting,
        "json, avro or protobuf");
    JsonNode schema = json.get("schema");
    if (mode == IcebergTopic.Mode.KEY_VALUE) {
      if (schema != null || json.has("format")) {
        problems.add("a key_value case has no \"schema\" and no \"format\": Redpanda reads no schema in that mode");
      }
    } else if (format == ValueFormat.PROTOBUF ? schema == null || !schema.isTextual()
        : format == ValueFormat.AVRO ? schema == null || !(schema.isObject() || schema.isArray() || schema.isTextual())
        : schema == null || !schema.isObject()) {
      problems.add("\"schema\" must be " + switch (format) {
          case JSON -> "a JSON Schema object";
          case AVRO -> "an Avro schema as JSON (a record object, a union array or a primitive's name)";
          case PROTOBUF -> "the .proto file's text, as a string";
        } + problems.found(schema));
    }
    Optional<String> protobufName = Optional.ofNullable(json.get("protobuf_name")).map(JsonNode::asText);
    if (protobufName.isPresent() && (format != ValueFormat.PROTOBUF || mode != IcebergTopic.Mode.VALUE_SCHEMA_LATEST)) {
      problems.add("\"protobuf_name\" goes only with \"format\": \"protobuf\" in value_schema_latest");
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
    JsonNode differs = json.get("embedded_differs");
    if (differs != null && (!differs.isTextual() || differs.asText().isBlank())) {
      problems.add("\"embedded_differs\" must say why the embedded stack cannot do what Redpanda does, citing the"
          + " contract page's Differs row" + problems.found(differs));
    }
    return new ConformanceCase(file, name, source, mode, format, schema, protobufName, accepted, columns, action,
        records, Optional.ofNullable(differs).filter(JsonNode::isTextual).map(JsonNode::asText));
  }

  private static CaseRecord record(int offset, JsonNode record, Problems problems) {
    String where = "records[" + offset + "]";
    if (!record.isObject()) {
      problems.add(where + " must be an object with \"value\" and \"row\" or \"dlq\"" + problems.found(record));
      return new CaseRecord(offset, null, null, null, null, List.of(0), "", Transaction.NONE, null, false, Map.of());
    }
    problems.onlyKnownFields(record, where + ".", RECORD_FIELDS);
    JsonNode value = record.get("value");
    JsonNode valueHex = record.get("value_hex");
    if (valueHex != null) {
      if (value != null || !problems.isHex(valueHex)) {
        problems.add(where + ".value_hex must be the value's bytes as hex, instead of \"value\"" + problems.found(valueHex));
      }
    } else if (value == null || !(value.isTextual() || value.isNull())) {
      problems.add(where + ".value must be a string, the record's value as text, or null for a tombstone"
          + problems.found(value));
    }
    JsonNode schemaId = record.get("schema_id");
    if (schemaId != null && !schemaId.isInt()) {
      problems.add(where + ".schema_id must be a whole number, the ID to write in the header" + problems.found(schemaId));
    }
    List<Integer> indexes = new ArrayList<>(List.of(0));
    JsonNode messageIndexes = record.get("message_indexes");
    if (messageIndexes != null) {
      indexes.clear();
      if (!messageIndexes.isArray() || messageIndexes.isEmpty()) {
        problems.add(where + ".message_indexes must be a non-empty array of whole numbers" + problems.found(messageIndexes));
      } else {
        messageIndexes.forEach(index -> indexes.add(index.asInt()));
      }
    }
    JsonNode trailing = record.get("trailing_hex");
    if (trailing != null && !problems.isHex(trailing)) {
      problems.add(where + ".trailing_hex must be bytes as hex" + problems.found(trailing));
    }
    Transaction transaction = problems.choice(record, "transaction", Transaction.NONE,
        text -> Transaction.valueOf(text.toUpperCase(java.util.Locale.ROOT)), "aborted or committed");
    JsonNode key = record.get("key");
    if (key != null && !(key.isTextual() || key.isNull())) {
      problems.add(where + ".key must be a string, the record's key as text, or null for none" + problems.found(key));
    }
    boolean deadLetter = problems.bool(record, "dlq", false, where + ".");
    JsonNode row = record.get("row");
    if (row != null && !row.isObject()) {
      problems.add(where + ".row must be an object of expected column values" + problems.found(row));
    }
    if (transaction == Transaction.ABORTED ? deadLetter || row != null : deadLetter == (row != null)) {
      problems.add(where + (transaction == Transaction.ABORTED
          ? " is aborted, so it is in neither table: it has no \"row\" and no \"dlq\""
          : " needs exactly one of \"row\" (an object of expected column values) or \"dlq\": true"));
    }
    JsonNode deadLetterRow = record.get("dlq_row");
    if (deadLetterRow != null && !(deadLetter && deadLetterRow.isObject())) {
      problems.add(where + ".dlq_row must be an object of expected dead-letter columns, with \"dlq\": true");
    }
    return new CaseRecord(offset, key == null || !key.isTextual() ? null : key.asText(),
        value == null || !value.isTextual() ? null : value.asText(),
        valueHex == null || !valueHex.isTextual() ? null : valueHex.asText(),
        schemaId == null || !schemaId.isInt() ? null : schemaId.asInt(), List.copyOf(indexes),
        trailing == null || !trailing.isTextual() ? "" : trailing.asText(), transaction,
        row == null || !row.isObject() ? null : columns(row), deadLetter,
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

  /** The JSON Schema of a {@code json} case, as the suite registers it. */
  public JsonSchema jsonSchema() {
    return JsonSchema.parse(schema.toString());
  }

  /** The schema in its format, for the topic's message ({@code protobuf_name}, or the file's first); null in key_value. */
  public ValueSchema valueSchema() {
    if (mode == IcebergTopic.Mode.KEY_VALUE) {
      return null;
    }
    // A .proto file is the string's text; an Avro schema given as a primitive's name ("long") is that JSON string.
    String text = format == ValueFormat.PROTOBUF ? schema.asText() : schema.toString();
    return ValueSchemas.of(format, text, List.of(0), protobufName);
  }

  /** The Iceberg topic the case runs on: its mode, schema and invalid-record action, one partition. */
  public IcebergTopic icebergTopic(String topic) {
    IcebergTopic icebergTopic = mode == IcebergTopic.Mode.KEY_VALUE ? IcebergTopic.keyValue(topic)
        : format == ValueFormat.JSON && mode == IcebergTopic.Mode.VALUE_SCHEMA_LATEST ? IcebergTopic.of(topic, jsonSchema())
        : IcebergTopic.of(topic, mode, valueSchema());
    icebergTopic = protobufName.map(icebergTopic::withProtobufName).orElse(icebergTopic);
    return icebergTopic.withPartitions(1).withInvalidRecords(invalidRecords);
  }

  /**
   * The record's value as the case's producer writes it: {@code value_hex} as it is; else the value encoded in
   * the case's format, behind the wire-format header in {@code value_schema_id_prefix} (the registered ID, or
   * {@code schema_id}; for Protobuf the message indexes), then {@code trailing_hex}. Null for a tombstone.
   * A Protobuf value in {@code value_schema_id_prefix} is encoded as the message its indexes name, as a producer
   * writes it; where they name none (a case of a bad index), as the file's first.
   *
   * @param registeredId the ID the topic's schema got; ignored outside {@code value_schema_id_prefix}
   */
  public byte[] valueBytes(CaseRecord record, int registeredId) {
    if (record.valueHex() != null) {
      return HEX.parseHex(record.valueHex());
    }
    if (record.value() == null) {
      return null;
    }
    ValueSchema valueSchema = writerSchema(record);
    byte[] encoded = valueSchema == null ? record.value().getBytes(StandardCharsets.UTF_8) : valueSchema.encode(record.value());
    if (mode == IcebergTopic.Mode.VALUE_SCHEMA_ID_PREFIX) {
      int id = record.schemaId() == null ? registeredId : record.schemaId();
      encoded = WireFormat.encode(format, id, record.messageIndexes(), encoded);
    }
    byte[] trailing = HEX.parseHex(record.trailingHex());
    byte[] value = java.util.Arrays.copyOf(encoded, encoded.length + trailing.length);
    System.arraycopy(trailing, 0, value, encoded.length, trailing.length);
    return value;
  }

  /** The schema a record's value is encoded with: for Protobuf in the wire format, the message its indexes name. */
  private ValueSchema writerSchema(CaseRecord record) {
    if (format == ValueFormat.PROTOBUF && mode == IcebergTopic.Mode.VALUE_SCHEMA_ID_PREFIX) {
      try {
        return ValueSchemas.of(format, schema.asText(), record.messageIndexes(), Optional.empty());
      } catch (IllegalArgumentException noSuchMessage) {
        return valueSchema();
      }
    }
    return valueSchema();
  }

  /** A {@code json} or {@code key_value} case's value as its UTF-8 bytes, as the suite's JSON cases send them. */
  public static byte[] valueBytes(CaseRecord record) {
    if (record.valueHex() != null) {
      return HEX.parseHex(record.valueHex());
    }
    return record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the case is a plain-JSON {@code value_schema_latest} one, which needs no Schema Registry. */
  public boolean isLatestJson() {
    return mode == IcebergTopic.Mode.VALUE_SCHEMA_LATEST && format == ValueFormat.JSON;
  }

  /** The records that reach Kafka's log as committed data: all but the aborted ones. */
  public List<CaseRecord> committedRecords() {
    return records.stream().filter(r -> !r.aborted()).toList();
  }

  /** The same case with its records where the producer's acknowledgements put them. */
  public ConformanceCase at(List<CaseRecord> acknowledged) {
    return new ConformanceCase(file, name, source, mode, format, schema, protobufName, schemaAccepted, columns,
        invalidRecords, acknowledged, embeddedDiffers);
  }

  public long expectedRows() {
    return records.stream().filter(r -> !r.deadLetter() && !r.aborted()).count();
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

    /** An optional field naming one of a few values: the value it names, or the default when it is absent. */
    <T> T choice(JsonNode json, String field, T defaultValue, java.util.function.Function<String, T> parse,
        String choices) {
      JsonNode value = json.get(field);
      if (value == null) {
        return defaultValue;
      }
      try {
        if (value.isTextual()) {
          return parse.apply(value.asText());
        }
      } catch (IllegalArgumentException unknown) {
        // named below
      }
      add("\"" + field + "\" must be " + choices + found(value));
      return defaultValue;
    }

    boolean isHex(JsonNode value) {
      return value.isTextual() && value.asText().matches("([0-9a-fA-F]{2})*");
    }

    void throwIfAny() {
      if (!found.isEmpty()) {
        throw new IllegalArgumentException("conformance case " + file + " is malformed: " + String.join("; ", found)
            + " (format: docs/redpanda-contract.md, \"Conformance cases\")");
      }
    }
  }
}
