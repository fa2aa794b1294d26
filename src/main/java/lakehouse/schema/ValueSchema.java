package lakehouse.schema;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.types.Types;

/**
 * The schema of an Iceberg topic's values in one of Redpanda's formats, with Redpanda's rules for it: which
 * schemas it can translate, the columns it derives, and how it turns one record's value into a row.
 */
public interface ValueSchema {
  ValueFormat format();

  /** The schema exactly as written, as it is registered. */
  String text();

  /** The rules of Redpanda's this schema breaks, each with where and why; empty when Redpanda can translate it. */
  List<SchemaRules.Violation> violations();

  /**
   * The value's columns in Redpanda's order, every one optional. A field named {@code redpanda} is included as it
   * is; the table moves it into the metadata struct ({@link IcebergTypes}).
   */
  Types.StructType valueType();

  /**
   * One record's value, after any Schema Registry header, as a row: column name to value, in the Java types the
   * Iceberg sink's record converter takes (Integer, Long, Float, Double, Boolean, String, BigDecimal, UUID,
   * byte[], LocalDate, LocalTime, OffsetDateTime in UTC, List, and Map for structs and maps).
   *
   * @throws UntranslatableRecordException where Redpanda sends the record to the dead-letter table, saying why
   */
  Map<String, Object> translate(byte[] payload);

  /**
   * A value written as its producer writes it, from its text: JSON Schema values are the text's UTF-8 bytes, Avro
   * values are read from Avro's JSON encoding (unions as {@code {"type": value}}), Protobuf values from proto3's
   * JSON mapping. No Schema Registry header: the caller adds it where the mode wants one.
   *
   * @throws IllegalArgumentException where the text is not a value of this schema
   */
  default byte[] encode(String valueText) {
    return valueText.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
