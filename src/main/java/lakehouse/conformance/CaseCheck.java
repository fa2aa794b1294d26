package lakehouse.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;

/**
 * What a case expected against what a reader found: the column types, then, record by record, a row
 * with the expected values or a dead letter holding the record's bytes. Each difference names the
 * record, the column, what was expected and what was found.
 */
final class CaseCheck {
  private final ConformanceCase testCase;
  private final Schema table;
  private final List<String> problems = new ArrayList<>();

  /** @param table the table's schema as the catalog holds it; null where no table exists */
  CaseCheck(ConformanceCase testCase, Schema table) {
    this.testCase = testCase;
    this.table = table;
  }

  /**
   * @param rows what the table holds, by Kafka offset: each row as JSON
   * @param deadLetters what the dead-letter table holds, by Kafka offset: the value in hex, null for none
   */
  List<String> problems(Map<Long, JsonNode> rows, Map<Long, String> deadLetters) {
    testCase.columns().forEach(this::columnType);
    for (ConformanceCase.CaseRecord record : testCase.records()) {
      String which = "record " + record.offset() + " (value " + abbreviate(record.value()) + ")";
      JsonNode row = rows.get((long) record.offset());
      if (record.deadLetter()) {
        deadLetter(record, which, row, deadLetters);
      } else if (row == null) {
        problems.add(which + ": expected a row, found none" + (deadLetters.containsKey((long) record.offset())
            ? "; it is in the dead-letter table" : ""));
      } else {
        record.row().forEach((column, expected) -> value(which, column, expected, row));
      }
    }
    return problems;
  }

  private void deadLetter(ConformanceCase.CaseRecord record, String which, JsonNode row, Map<Long, String> deadLetters) {
    if (row != null) {
      problems.add(which + ": expected a dead letter, found a row " + row);
    }
    if (testCase.invalidRecords() == lakehouse.stack.IcebergTopic.InvalidRecordAction.DROP) {
      return;
    }
    long offset = record.offset();
    byte[] bytes = ConformanceCase.valueBytes(record);
    String expectedHex = bytes == null ? null : HexFormat.of().withUpperCase().formatHex(bytes);
    if (!deadLetters.containsKey(offset)) {
      problems.add(which + ": expected in the dead-letter table, not there");
    } else if (!java.util.Objects.equals(expectedHex, deadLetters.get(offset))) {
      problems.add(which + ": the dead letter's value is " + deadLetters.get(offset) + ", expected the record's bytes "
          + expectedHex);
    }
  }

  private void columnType(String column, String expected) {
    Type found = table == null ? null : table.findType(column);
    if (found == null) {
      problems.add("column " + column + ": expected type " + expected + ", but the table has no such column");
    } else if (!found.toString().equals(expected)) {
      problems.add("column " + column + ": expected type " + expected + ", found " + found);
    }
  }

  private void value(String which, String column, JsonNode expected, JsonNode row) {
    Type type = table == null ? null : table.findType(column);
    if (type == null) {
      problems.add(which + ": column " + column + " is not in the table");
      return;
    }
    JsonNode found = row;
    for (String part : column.split("\\.")) {
      found = found == null ? MissingNode.getInstance() : found.path(part);
    }
    Optional<String> mismatch = ExpectedValues.mismatch(type, expected, found.isMissingNode() ? null : found);
    mismatch.ifPresent(m -> problems.add(which + ": column " + column + ": " + m));
  }

  private static String abbreviate(String value) {
    if (value == null) {
      return "null (a tombstone)";
    }
    return value.length() <= 60 ? value : value.substring(0, 60) + "…";
  }
}
