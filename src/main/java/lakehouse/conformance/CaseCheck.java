package lakehouse.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;

/**
 * What a case expected against what a reader found: the column types, then, record by record, a row
 * with the expected values or a dead letter holding the record's bytes. Each difference names the
 * record, the column, what was expected and what was found.
 */
final class CaseCheck {
  private final ConformanceCase testCase;
  private final Function<ConformanceCase.CaseRecord, byte[]> sent;
  private final Schema table;
  private final Schema deadLetterTable;
  private final List<String> problems = new ArrayList<>();

  /**
   * One row of the dead-letter table.
   *
   * @param valueHex its {@code value} in upper-case hex: empty for no bytes, null for NULL
   * @param row the whole row as JSON
   */
  record DeadLetter(String valueHex, JsonNode row) {}

  /**
   * @param table the table's schema as the catalog holds it; null where no table exists
   * @param deadLetterTable the dead-letter table's schema, likewise
   */
  CaseCheck(ConformanceCase testCase, Schema table, Schema deadLetterTable) {
    this(testCase, ConformanceCase::valueBytes, table, deadLetterTable);
  }

  /** @param sent each record's value as it was produced, which its dead letter must hold byte for byte */
  CaseCheck(ConformanceCase testCase, Function<ConformanceCase.CaseRecord, byte[]> sent, Schema table,
      Schema deadLetterTable) {
    this.testCase = testCase;
    this.sent = sent;
    this.table = table;
    this.deadLetterTable = deadLetterTable;
  }

  /**
   * @param rows what the table holds, by Kafka offset: each row as JSON
   * @param deadLetters what the dead-letter table holds, by Kafka offset
   */
  List<String> problems(Map<Long, JsonNode> rows, Map<Long, DeadLetter> deadLetters) {
    testCase.columns().forEach(this::columnType);
    for (ConformanceCase.CaseRecord record : testCase.records()) {
      String which = "record " + record.offset() + " (value " + abbreviate(record) + ")";
      JsonNode row = rows.get(record.offset());
      if (record.aborted()) {
        if (row != null || deadLetters.containsKey(record.offset())) {
          problems.add(which + ": its transaction aborted, so it must be in neither table; found "
              + (row != null ? "a row " + row : "a dead letter"));
        }
      } else if (record.deadLetter()) {
        deadLetter(record, which, row, deadLetters);
      } else if (row == null) {
        problems.add(which + ": expected a row, found none" + (deadLetters.containsKey(record.offset())
            ? "; it is in the dead-letter table" : ""));
      } else {
        record.row().forEach((column, expected) -> value(which, column, expected, table, row));
      }
    }
    return problems;
  }

  /**
   * The record's value, byte for byte; a tombstone's is empty, not NULL, since Redpanda writes
   * {@code record.share_value()} (record_multiplexer.cc, do_multiplex).
   */
  private void deadLetter(ConformanceCase.CaseRecord record, String which, JsonNode row,
      Map<Long, DeadLetter> deadLetters) {
    if (row != null) {
      problems.add(which + ": expected a dead letter, found a row " + row);
    }
    if (testCase.invalidRecords() == lakehouse.stack.IcebergTopic.InvalidRecordAction.DROP) {
      return;
    }
    long offset = record.offset();
    byte[] bytes = sent.apply(record);
    String expectedHex = HexFormat.of().withUpperCase().formatHex(bytes == null ? new byte[0] : bytes);
    DeadLetter found = deadLetters.get(offset);
    if (found == null) {
      problems.add(which + ": expected in the dead-letter table, not there");
      return;
    }
    if (!expectedHex.equals(found.valueHex())) {
      problems.add(which + ": the dead letter's value is " + (found.valueHex() == null ? "NULL" : "'" + found.valueHex()
          + "'") + ", expected the record's bytes '" + expectedHex + "'");
    }
    record.deadLetterRow().forEach((column, expected) ->
        value(which + " in the dead-letter table", column, expected, deadLetterTable, found.row()));
  }

  private void columnType(String column, String expected) {
    Type found = table == null ? null : table.findType(column);
    if (found == null) {
      problems.add("column " + column + ": expected type " + expected + ", but the table has no such column");
    } else if (!found.toString().equals(expected)) {
      problems.add("column " + column + ": expected type " + expected + ", found " + found);
    }
  }

  private void value(String which, String column, JsonNode expected, Schema schema, JsonNode row) {
    Type type = schema == null ? null : schema.findType(column);
    if (type == null) {
      problems.add(which + ": column " + column + " is not in the table");
      return;
    }
    // A top-level column may have dots in its name, such as an Avro type's full name (schema_avro.cc).
    JsonNode found = row.has(column) ? row.get(column) : row;
    for (String part : row.has(column) ? new String[0] : column.split("\\.")) {
      found = found == null ? MissingNode.getInstance() : found.path(part);
    }
    Optional<String> mismatch = ExpectedValues.mismatch(type, expected, found.isMissingNode() ? null : found);
    mismatch.ifPresent(m -> problems.add(which + ": column " + column + ": " + m));
  }

  private static String abbreviate(ConformanceCase.CaseRecord record) {
    if (record.valueHex() != null) {
      return "0x" + record.valueHex();
    }
    String value = record.value();
    if (value == null) {
      return "null (a tombstone)";
    }
    return value.length() <= 60 ? value : value.substring(0, 60) + "…";
  }
}
