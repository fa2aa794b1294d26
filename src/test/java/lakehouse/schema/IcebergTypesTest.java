package lakehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** The table shape of Redpanda 25.3 (table_definition.cc, ir_json.cc, record_translator.cc). */
class IcebergTypesTest {

  @Test
  void theTradesTableHasRedpandasMetadataStructFirstThenValueColumnsSortedByName() {
    Schema schema = IcebergTypes.tableSchema(JsonSchema.fromResource("schemas/trades.schema.json"));

    assertThat(schema.columns()).extracting(Types.NestedField::name)
        .containsExactly("redpanda", "notes", "price", "qty", "side", "symbol", "trade_id", "ts_event");
    assertThat(schema.findField("redpanda").type().asStructType().fields()).extracting(Types.NestedField::name)
        .containsExactly("partition", "offset", "timestamp", "headers", "key", "timestamp_type");
    assertThat(schema.findType("redpanda.partition")).isEqualTo(Types.IntegerType.get());
    assertThat(schema.findType("redpanda.offset")).isEqualTo(Types.LongType.get());
    assertThat(schema.findType("redpanda.timestamp")).isEqualTo(Types.TimestampType.withZone());
    assertThat(schema.findType("redpanda.headers").toString()).isEqualTo("list<struct<7: key: optional string, 8: value: optional binary>>");
    assertThat(schema.findType("redpanda.key")).isEqualTo(Types.BinaryType.get());
    assertThat(schema.findType("redpanda.timestamp_type")).isEqualTo(Types.IntegerType.get());
    assertThat(schema.findType("ts_event")).isEqualTo(Types.TimestampType.withZone());
  }

  @Test
  void everyFieldIsOptionalTheMetadataAndListElementsIncluded() {
    Schema schema = IcebergTypes.tableSchema(JsonSchema.parse("""
        {"type": "object", "required": ["a"], "properties": {"a": {"type": "array", "items": {"type": "integer"}}}}"""));

    org.apache.iceberg.types.TypeUtil.indexById(schema.asStruct()).values()
        .forEach(field -> assertThat(field.isOptional()).as("%s is optional", field.name()).isTrue());
    assertThat(schema.findType("a").asListType().isElementOptional()).isTrue();
  }

  @Test
  void mapsJsonSchemaTypesAsRedpandaDoes() {
    Types.StructType type = IcebergTypes.valueType(JsonSchema.parse("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {
          "n": {"type": "integer"}, "x": {"type": ["null", "number"]}, "s": {"type": "string", "format": "email"},
          "ts": {"type": "string", "format": "date-time"}, "d": {"type": "string", "format": "date"},
          "t": {"type": "string", "format": "time"}, "b": {"type": "boolean"},
          "o": {"type": "object", "properties": {"z": {"type": "integer"}, "inner": {"type": "integer"}}},
          "a": {"type": "array", "items": [{"type": "string"}, {"type": "string"}]}}}"""));

    assertThat(type.fieldType("n")).isEqualTo(Types.LongType.get());
    assertThat(type.fieldType("x")).isEqualTo(Types.DoubleType.get());
    assertThat(type.fieldType("s")).isEqualTo(Types.StringType.get());
    assertThat(type.fieldType("ts")).isEqualTo(Types.TimestampType.withZone());
    assertThat(type.fieldType("d")).isEqualTo(Types.DateType.get());
    assertThat(type.fieldType("t")).isEqualTo(Types.TimeType.get());
    assertThat(type.fieldType("b")).isEqualTo(Types.BooleanType.get());
    assertThat(type.fieldType("o").asStructType().fields()).extracting(Types.NestedField::name).containsExactly("inner", "z");
    assertThat(type.fieldType("a").asListType().elementType()).isEqualTo(Types.StringType.get());
  }

  @Test
  void aRootThatIsNotAnObjectIsOneColumnNamedRoot() {
    Schema schema = IcebergTypes.tableSchema(JsonSchema.parse("{\"type\": \"integer\"}"));

    assertThat(schema.columns()).extracting(Types.NestedField::name).containsExactly("redpanda", "root");
    assertThat(schema.findType("root")).isEqualTo(Types.LongType.get());
  }

  @Test
  void aPropertyNamedRedpandaBecomesRedpandaData() {
    Schema schema = IcebergTypes.tableSchema(JsonSchema.parse("""
        {"type": "object", "properties": {"redpanda": {"type": "string"}, "a": {"type": "integer"}}}"""));

    assertThat(schema.columns()).extracting(Types.NestedField::name).containsExactly("redpanda", "a");
    assertThat(schema.findType("redpanda.data")).isEqualTo(Types.StringType.get());
  }

  @Test
  void theDeadLetterTableIsTheMetadataStructThenTheRawValue() {
    Schema schema = IcebergTypes.deadLetterSchema();

    assertThat(schema.columns()).extracting(Types.NestedField::name).containsExactly("redpanda", "value");
    assertThat(schema.findType("value")).isEqualTo(Types.BinaryType.get());
    assertThat(IcebergTypes.deadLetterTable("trades")).isEqualTo("trades~dlq");
  }
}
