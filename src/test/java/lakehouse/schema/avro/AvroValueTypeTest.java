package lakehouse.schema.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lakehouse.schema.ValueFormat;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/**
 * The Iceberg columns Redpanda 25.3 derives from an Avro schema (iceberg/conversion/schema_avro.cc, avro_utils.cc),
 * checked against Redpanda's own tests in src/v/iceberg/conversion/tests/iceberg_avro_tests.cc.
 */
class AvroValueTypeTest {

  /** TestRecordType's big_record: every Avro type, a reused named type, a field of type null. */
  private static final String BIG_RECORD = """
      {"type": "record", "name": "RootRecord", "fields": [
        {"name": "mylong", "type": "long"},
        {"name": "nestedrecord", "type": {"type": "record", "name": "Nested", "fields": [
          {"name": "inval1", "type": "double"}, {"name": "inval2", "type": "string"}, {"name": "inval3", "type": "int"}]}},
        {"name": "mymap", "type": {"type": "map", "values": "int"}},
        {"name": "recordmap", "type": {"type": "map", "values": "Nested"}},
        {"name": "myarray", "type": {"type": "array", "items": "double"}},
        {"name": "myenum", "type": {"type": "enum", "name": "ExampleEnum", "symbols": ["zero", "one", "two", "three"]}},
        {"name": "myunion", "type": ["null", {"type": "map", "values": "int"}, "float"]},
        {"name": "optional_bytes", "type": ["bytes", "null"]},
        {"name": "mybool", "type": "boolean"},
        {"name": "anothernested", "type": "Nested"},
        {"name": "myfixed", "type": {"type": "fixed", "size": 16, "name": "md5"}},
        {"name": "anotherint", "type": "int"},
        {"name": "bytes", "type": "bytes"},
        {"name": "null", "type": "null"}]}""";

  @Test
  void mapsEveryAvroTypeInFieldOrderAndLeavesOutAFieldOfTypeNull() {
    // TestRecordType: 13 columns, in Avro's order (not sorted as for JSON Schema), "null" left out.
    Types.StructType type = AvroValueSchema.parse(BIG_RECORD).valueType();

    assertThat(type.fields()).extracting(Types.NestedField::name).containsExactly("mylong", "nestedrecord", "mymap",
        "recordmap", "myarray", "myenum", "myunion", "optional_bytes", "mybool", "anothernested", "myfixed",
        "anotherint", "bytes");
    assertThat(type.fieldType("mylong")).isEqualTo(Types.LongType.get());
    assertThat(type.fieldType("nestedrecord").asStructType().fields()).extracting(f -> f.name() + ":" + f.type())
        .containsExactly("inval1:double", "inval2:string", "inval3:int");
    assertThat(type.fieldType("mymap").asMapType().keyType()).isEqualTo(Types.StringType.get());
    assertThat(type.fieldType("mymap").asMapType().valueType()).isEqualTo(Types.IntegerType.get());
    // A named type used again by name is copied in full: no references in Iceberg.
    assertThat(type.fieldType("recordmap").asMapType().valueType().asStructType().fields())
        .extracting(Types.NestedField::name).containsExactly("inval1", "inval2", "inval3");
    assertThat(type.fieldType("anothernested").asStructType().fields()).extracting(Types.NestedField::name)
        .containsExactly("inval1", "inval2", "inval3");
    assertThat(type.fieldType("myarray").asListType().elementType()).isEqualTo(Types.DoubleType.get());
    assertThat(type.fieldType("myenum")).isEqualTo(Types.StringType.get());
    assertThat(type.fieldType("myunion").asStructType().fields()).extracting(Types.NestedField::name)
        .containsExactly("map", "float");
    assertThat(type.fieldType("optional_bytes")).isEqualTo(Types.BinaryType.get());
    assertThat(type.fieldType("mybool")).isEqualTo(Types.BooleanType.get());
    assertThat(type.fieldType("myfixed")).isEqualTo(Types.FixedType.ofLength(16));
    assertThat(type.fieldType("anotherint")).isEqualTo(Types.IntegerType.get());
    assertThat(type.fieldType("bytes")).isEqualTo(Types.BinaryType.get());
  }

  @Test
  void everyFieldIsOptionalButMapKeys() {
    // record_translator.cc structured_data_translator::build_type forces every field optional, map keys required.
    Types.StructType type = AvroValueSchema.parse(BIG_RECORD).valueType();

    TypeUtil.indexById(type).values().forEach(field -> {
      boolean mapKey = field.name().equals("key");
      assertThat(field.isOptional()).as("%s is optional", field.name()).isEqualTo(!mapKey);
    });
    assertThat(type.fieldType("mymap").asMapType().isValueOptional()).isTrue();
    assertThat(type.fieldType("myarray").asListType().isElementOptional()).isTrue();
  }

  @Test
  void mapsLogicalTypesAsRedpandaDoes() {
    // TestLogicalTypes, plus the types Redpanda's Avro library does not know (avro Compiler.cc makeLogicalType),
    // which stay their base type, and uuid on fixed, which that library drops (Node.cc setLogicalType).
    Types.StructType type = AvroValueSchema.parse("""
        {"type": "record", "name": "LogicalTypesRecord", "fields": [
          {"name": "uuid_string", "type": {"type": "string", "logicalType": "uuid"}},
          {"name": "date_int", "type": {"type": "int", "logicalType": "date"}},
          {"name": "bytes_decimal", "type": {"type": "bytes", "logicalType": "decimal", "precision": 38, "scale": 9}},
          {"name": "fixed_decimal", "type": {"name": "fixed_16", "size": 16, "type": "fixed",
            "logicalType": "decimal", "precision": 20, "scale": 9}},
          {"name": "int_time_ms", "type": {"type": "int", "logicalType": "time-millis"}},
          {"name": "long_time_micro", "type": {"type": "long", "logicalType": "time-micros"}},
          {"name": "long_ts_ms", "type": {"type": "long", "logicalType": "timestamp-millis"}},
          {"name": "long_ts_micro", "type": {"type": "long", "logicalType": "timestamp-micros"}},
          {"name": "duration_fixed", "type": {"type": "fixed", "name": "fixed_12", "size": 12, "logicalType": "duration"}},
          {"name": "local_ts_ms", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
          {"name": "local_ts_micro", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
          {"name": "ts_nanos", "type": {"type": "long", "logicalType": "timestamp-nanos"}},
          {"name": "uuid_fixed", "type": {"type": "fixed", "name": "uuid16", "size": 16, "logicalType": "uuid"}},
          {"name": "bad_decimal", "type": {"type": "bytes", "logicalType": "decimal", "precision": 2, "scale": 4}}]}""")
        .valueType();

    assertThat(type.fieldType("uuid_string")).isEqualTo(Types.UUIDType.get());
    assertThat(type.fieldType("date_int")).isEqualTo(Types.DateType.get());
    assertThat(type.fieldType("bytes_decimal")).isEqualTo(Types.DecimalType.of(38, 9));
    assertThat(type.fieldType("fixed_decimal")).isEqualTo(Types.DecimalType.of(20, 9));
    assertThat(type.fieldType("int_time_ms")).isEqualTo(Types.TimeType.get());
    assertThat(type.fieldType("long_time_micro")).isEqualTo(Types.TimeType.get());
    assertThat(type.fieldType("long_ts_ms")).isEqualTo(Types.TimestampType.withZone());
    assertThat(type.fieldType("long_ts_micro")).isEqualTo(Types.TimestampType.withZone());
    assertThat(type.fieldType("duration_fixed")).isEqualTo(Types.FixedType.ofLength(12));
    assertThat(type.fieldType("local_ts_ms")).isEqualTo(Types.LongType.get());
    assertThat(type.fieldType("local_ts_micro")).isEqualTo(Types.LongType.get());
    assertThat(type.fieldType("ts_nanos")).isEqualTo(Types.LongType.get());
    assertThat(type.fieldType("uuid_fixed")).isEqualTo(Types.FixedType.ofLength(16));
    // A malformed logical type is ignored by both Avro libraries: scale above precision leaves plain bytes.
    assertThat(type.fieldType("bad_decimal")).isEqualTo(Types.BinaryType.get());
  }

  @Test
  void aSchemaThatIsNotARecordIsOneColumnNamedRootOrAfterItsNamedType() {
    // TestNonRecordSchema; type_to_iceberg names the column after node->name().fullname() when the node has one.
    assertThat(single("{\"type\": \"string\"}", "root")).isEqualTo(Types.StringType.get());
    assertThat(single("{\"type\": \"int\"}", "root")).isEqualTo(Types.IntegerType.get());
    assertThat(single("{\"type\": \"long\"}", "root")).isEqualTo(Types.LongType.get());
    assertThat(single("{\"type\": \"double\"}", "root")).isEqualTo(Types.DoubleType.get());
    assertThat(single("{\"type\": \"array\", \"items\": \"int\"}", "root").asListType().elementType())
        .isEqualTo(Types.IntegerType.get());
    assertThat(single("{\"type\": \"map\", \"values\": {\"type\": \"int\"}}", "root").asMapType().valueType())
        .isEqualTo(Types.IntegerType.get());
    assertThat(single("[\"int\", \"long\", \"float\"]", "root").asStructType().fields())
        .extracting(f -> f.name() + ":" + f.type()).containsExactly("int:int", "long:long", "float:float");
    assertThat(single("[\"null\", \"long\"]", "root")).isEqualTo(Types.LongType.get());
    assertThat(single("{\"type\": \"enum\", \"name\": \"Color\", \"namespace\": \"com.example\","
        + " \"symbols\": [\"RED\"]}", "com.example.Color")).isEqualTo(Types.StringType.get());
    assertThat(single("{\"type\": \"fixed\", \"name\": \"Hash\", \"size\": 4}", "Hash"))
        .isEqualTo(Types.FixedType.ofLength(4));
    // A union has no name, even of one record: the record is the struct in column root.
    assertThat(single("[\"null\", {\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\":"
        + " \"int\"}]}]", "root").asStructType().fields()).extracting(Types.NestedField::name).containsExactly("a");
  }

  @Test
  void optionalUnionsInEitherOrderAreTheirType() {
    // DetectOptionalTest: only a union of exactly two branches, one of them null, is an optional.
    Types.StructType type = AvroValueSchema.parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "a", "type": ["null", {"type": "array", "items": "int"}]},
          {"name": "b", "type": ["long", "null"]},
          {"name": "c", "type": ["long", "int"]},
          {"name": "d", "type": ["long", "int", "null"]},
          {"name": "e", "type": ["null"]}]}""").valueType();

    assertThat(type.fieldType("a").asListType().elementType()).isEqualTo(Types.IntegerType.get());
    assertThat(type.fieldType("b")).isEqualTo(Types.LongType.get());
    assertThat(type.fieldType("c").asStructType().fields()).extracting(Types.NestedField::name)
        .containsExactly("long", "int");
    assertThat(type.fieldType("d").asStructType().fields()).extracting(Types.NestedField::name)
        .containsExactly("long", "int");
    assertThat(type.fieldType("e").asStructType().fields()).isEmpty();
  }

  @Test
  void unionBranchesAreLabelledAsRedpandasUnionBranchLabelDoes() {
    // BranchLabelTest.UnionBranchLabelsTest: named types by simple name, logical types by their base type.
    assertThat(labels("[\"long\", \"int\"]")).containsExactly("long", "int");
    assertThat(labels("[\"long\", {\"type\": \"map\", \"values\": \"int\"}]")).containsExactly("long", "map");
    assertThat(labels("[\"long\", {\"type\": \"array\", \"items\": \"int\"}]")).containsExactly("long", "array");
    assertThat(labels("[{\"type\": \"record\", \"name\": \"Struct\", \"namespace\": \"ns\", \"fields\": [{\"name\":"
        + " \"a\", \"type\": \"int\"}]}, \"long\"]")).containsExactly("Struct", "long");
    assertThat(labels("[{\"type\": \"enum\", \"name\": \"Enum\", \"symbols\": [\"FOO\", \"BAR\"]}, \"long\"]"))
        .containsExactly("Enum", "long");
    assertThat(labels("[{\"type\": \"fixed\", \"name\": \"Hash\", \"size\": 16}, \"long\"]"))
        .containsExactly("Hash", "long");
    assertThat(labels("[{\"type\": \"string\", \"logicalType\": \"uuid\"}, \"long\"]")).containsExactly("string", "long");
    assertThat(labels("[{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 10, \"scale\": 2}, \"long\"]"))
        .containsExactly("bytes", "long");
    assertThat(labels("[{\"type\": \"int\", \"logicalType\": \"date\"}, \"long\"]")).containsExactly("int", "long");
    assertThat(labels("[{\"type\": \"int\", \"logicalType\": \"time-millis\"}, \"long\"]")).containsExactly("int", "long");
    assertThat(labels("[{\"type\": \"long\", \"logicalType\": \"time-micros\"}, \"string\"]"))
        .containsExactly("long", "string");
    assertThat(labels("[{\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}, \"string\"]"))
        .containsExactly("long", "string");
    assertThat(labels("[{\"type\": \"long\", \"logicalType\": \"timestamp-micros\"}, \"string\"]"))
        .containsExactly("long", "string");
    assertThat(labels("[{\"type\": \"fixed\", \"name\": \"FixedDecimal\", \"size\": 16, \"logicalType\": \"decimal\","
        + " \"precision\": 10, \"scale\": 2}, \"long\"]")).containsExactly("FixedDecimal", "long");
    assertThat(labels("[\"boolean\", \"bytes\", \"double\", \"null\"]")).containsExactly("boolean", "bytes", "double");
  }

  @Test
  void aRecordUsedByNameInAUnionIsLabelledByItsNameButAnEnumOrDecimalFixedIsLabelledSymbolic() {
    // TestSymbolicUnionBranch pins "Record". union_branch_label reads branch->type() of the unresolved node for
    // enums and decimal fixeds, which for a type used by name is AVRO_SYMBOLIC, printed "symbolic" (avro Types.cc).
    Types.StructType type = AvroValueSchema.parse("""
        {"type": "record", "name": "Root", "fields": [
          {"name": "rec", "type": {"type": "record", "name": "Record", "fields": [{"name": "f1", "type": "int"}]}},
          {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED"]}},
          {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
          {"name": "money", "type": {"type": "fixed", "name": "Money", "size": 8, "logicalType": "decimal",
            "precision": 10, "scale": 2}},
          {"name": "union", "type": ["Record", "long"]},
          {"name": "named", "type": ["null", "Color", "Hash", "int"]},
          {"name": "amount", "type": ["Money", "string"]}]}""").valueType();

    Types.StructType union = type.fieldType("union").asStructType();
    assertThat(union.fields()).extracting(Types.NestedField::name).containsExactly("Record", "long");
    assertThat(union.fieldType("Record").asStructType().fieldType("f1")).isEqualTo(Types.IntegerType.get());
    assertThat(type.fieldType("named").asStructType().fields()).extracting(f -> f.name() + ":" + f.type())
        .containsExactly("symbolic:string", "Hash:fixed[4]", "int:int");
    assertThat(type.fieldType("amount").asStructType().fields()).extracting(f -> f.name() + ":" + f.type())
        .containsExactly("symbolic:decimal(10, 2)", "string:string");
  }

  @Test
  void aFieldNamedRedpandaStaysAColumnForTheTableToMove() {
    Types.StructType type = AvroValueSchema.parse("""
        {"type": "record", "name": "R", "fields": [{"name": "redpanda", "type": "string"}, {"name": "a", "type": "int"}]}""")
        .valueType();

    assertThat(type.fields()).extracting(Types.NestedField::name).containsExactly("redpanda", "a");
  }

  @Test
  void aSchemaThatDoesNotParseIsRefusedNamingTheProblem() {
    assertThatThrownBy(() -> AvroValueSchema.parse("{\"type\": \"record\", \"name\": \"R\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not parse")
        .hasMessageContaining("fields");
    assertThatThrownBy(() -> AvroValueSchema.parse("[\"int\", \"int\"]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate in union");
    assertThatThrownBy(() -> AvroValueSchema.parse("not json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not parse");
    assertThatThrownBy(() -> AvroValueSchema.parse(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }

  @Test
  void keepsTheTextAsWrittenAndSaysItIsAvro() {
    String text = "{\"type\": \"record\", \"name\": \"R\", \"fields\": []}";
    AvroValueSchema schema = AvroValueSchema.parse(text);

    assertThat(schema.text()).isEqualTo(text);
    assertThat(schema.format()).isEqualTo(ValueFormat.AVRO);
    assertThat(schema.avroSchema().getFullName()).isEqualTo("R");
    assertThat(schema.valueType().fields()).isEmpty();
  }

  private static Type single(String schema, String column) {
    Types.StructType type = AvroValueSchema.parse(schema).valueType();
    assertThat(type.fields()).extracting(Types.NestedField::name).containsExactly(column);
    return type.fieldType(column);
  }

  private static java.util.List<String> labels(String union) {
    return single(union, "root").asStructType().fields().stream().map(Types.NestedField::name).toList();
  }
}
