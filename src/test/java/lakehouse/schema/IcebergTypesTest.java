package lakehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class IcebergTypesTest {

  @Test
  void mapsJsonSchemaTypesAsRedpandaDoes() {
    Types.StructType type = IcebergTypes.valueType(JsonSchema.parse("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {
          "n": {"type": "integer"}, "x": {"type": "number"}, "s": {"type": "string"},
          "ts": {"type": "string", "format": "date-time"}, "b": {"type": "boolean"},
          "o": {"type": "object", "properties": {"inner": {"type": "integer"}}},
          "a": {"type": "array", "items": {"type": "string"}}}}"""));

    assertThat(type.fieldType("n")).isEqualTo(Types.LongType.get());
    assertThat(type.fieldType("x")).isEqualTo(Types.DoubleType.get());
    assertThat(type.fieldType("s")).isEqualTo(Types.StringType.get());
    assertThat(type.fieldType("ts")).isEqualTo(Types.TimestampType.withZone());
    assertThat(type.fieldType("b")).isEqualTo(Types.BooleanType.get());
    assertThat(type.fieldType("o").asStructType().fieldType("inner")).isEqualTo(Types.LongType.get());
    assertThat(type.fieldType("a").asListType().elementType()).isEqualTo(Types.StringType.get());
    assertThat(type.fields()).allMatch(Types.NestedField::isOptional);
  }

  @Test
  void theTradesTableHasRedpandasMetadataFirstAndUniqueFieldIds() {
    Schema schema = IcebergTypes.tableSchema(JsonSchema.fromResource("schemas/trades.schema.json"));

    assertThat(schema.columns().get(0).name()).isEqualTo("redpanda");
    assertThat(schema.findType("redpanda.partition")).isEqualTo(Types.IntegerType.get());
    assertThat(schema.findType("redpanda.offset")).isEqualTo(Types.LongType.get());
    assertThat(schema.findType("redpanda.timestamp")).isEqualTo(Types.TimestampType.withZone());
    assertThat(schema.columns()).extracting(Types.NestedField::name)
        .containsExactly("redpanda", "trade_id", "symbol", "price", "qty", "side", "ts_event", "notes");
    assertThat(schema.findType("ts_event")).isEqualTo(Types.TimestampType.withZone());
    assertThat(schema.highestFieldId()).isEqualTo(11);
  }

  @Test
  void aTypeWithoutAnIcebergColumnIsRefusedWithItsPath() {
    JsonSchema schema = JsonSchema.parse("""
        {"type": "object", "properties": {"o": {"type": "object", "properties": {"bad": {"type": "null"}}}}}""");

    assertThatThrownBy(() -> IcebergTypes.valueType(schema))
        .hasMessageContaining("$.o.bad").hasMessageContaining("'null'");
  }

  @Test
  void aSchemaThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> JsonSchema.parse("{\"type\": \"string\"}")).hasMessageContaining("object");
    assertThatThrownBy(() -> JsonSchema.parse("{not json")).hasMessageContaining("not valid JSON");
  }
}
