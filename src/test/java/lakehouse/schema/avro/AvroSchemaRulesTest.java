package lakehouse.schema.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lakehouse.schema.SchemaRules.Violation;
import lakehouse.schema.UntranslatableRecordException;
import org.junit.jupiter.api.Test;

/** The Avro schemas Redpanda 25.3 cannot translate: which rule, at which column path, in Redpanda's words. */
class AvroSchemaRulesTest {

  @Test
  void aTranslatableSchemaBreaksNoRule() {
    assertThat(violations("""
        {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"},
          {"name": "b", "type": {"type": "record", "name": "B", "fields": [{"name": "c", "type": "string"}]}},
          {"name": "d", "type": "B"}, {"name": "e", "type": ["null", "B"]}]}""")).isEmpty();
  }

  @Test
  void aRecursiveTypeIsRefused() {
    // TestRecursiveType's tree_node; schema_avro.cc is_recursive_type: "Unsupported recursive type".
    List<Violation> tree = violations("""
        {"name": "Node", "type": "record", "fields": [{"name": "payload", "type": "int", "default": 0},
          {"name": "edges", "type": {"type": "map", "values": "Node"}}]}""");

    assertThat(tree).extracting(v -> v.rule() + " " + v.pointer()).containsExactly("recursive-type edges.value.edges");
    assertThat(tree.get(0).detail()).contains("refers back to an enclosing type (Node)", "\"Unsupported recursive type\"");
    // The usual linked list: the optional self-reference is found one level down, the root record being outside
    // Redpanda's type_hierarchy.
    assertThat(violations("""
        {"type": "record", "name": "LinkedList", "fields": [{"name": "value", "type": "int"},
          {"name": "next", "type": ["null", "LinkedList"]}]}"""))
        .extracting(v -> v.rule() + " " + v.pointer()).containsExactly("recursive-type next.next");
  }

  @Test
  void aRecursiveSchemaSendsEveryRecordToTheDeadLetterTableAndHasNoColumns() {
    // record_schema_resolver.cc translate_avro_schema: a failed type_to_iceberg is errc::translation_error, which
    // record_multiplexer.cc handles as an invalid record.
    AvroValueSchema schema = AvroValueSchema.parse("""
        {"type": "record", "name": "L", "fields": [{"name": "next", "type": ["null", "L"]}]}""");

    assertThatThrownBy(() -> schema.translate(new byte[] {0})).isInstanceOf(UntranslatableRecordException.class)
        .hasMessageContaining("dead-letter table").hasMessageContaining("rule 'recursive-type' at next.next");
    assertThatThrownBy(schema::valueType).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("recursive-type");
  }

  @Test
  void theSchemaDepthLimitIsOneHundredNodesBelowTheRootRecord() {
    // schema_avro.cc: type_hierarchy.size() >= max_schema_depth (100) fails "Max nesting depth of 100 reached".
    // The root record is not in the hierarchy; a record nested n deep puts its int field at index n.
    assertThat(violations(nestedRecords(99))).extracting(Violation::rule).doesNotContain("depth");
    assertThat(violations(nestedRecords(100))).extracting(v -> v.rule() + " " + v.pointer())
        .contains("depth " + "f.".repeat(100) + "x");
    assertThat(violations(nestedRecords(100)).stream().filter(v -> v.rule().equals("depth")).findFirst().orElseThrow()
        .detail()).contains("\"Max nesting depth of 100 reached\"");
  }

  @Test
  void theDecodersDepthLimitRefusesEveryRecordTwoLevelsEarlierForARecordSchema() {
    // serde/avro/parser.cc: level >= max_nested_depth (100), the root record being level 1: the int field of a
    // record nested 98 deep is at level 100, and record fields are always decoded, so every record fails.
    assertThat(violations(nestedRecords(97))).isEmpty();
    List<Violation> atLimit = violations(nestedRecords(98));

    assertThat(atLimit).extracting(v -> v.rule() + " " + v.pointer())
        .containsExactly("value-depth " + "f.".repeat(98) + "x");
    assertThat(atLimit.get(0).detail()).contains("\"max nested field depth of 100 reached\"");
  }

  @Test
  void namedTypeReferencesAndUnionsCountTowardsTheDepth() {
    // Every node entered counts: a record used by name is a symbolic node and then its definition, an optional is
    // a union and then its branch (schema_avro.cc inner_field_type_from_avro, AVRO_SYMBOLIC and AVRO_UNION).
    String x = "{\"name\": \"x\", \"type\": \"int\"}";
    String t = "{\"name\": \"t\", \"type\": {\"type\": \"record\", \"name\": \"T\", \"fields\": [" + x + "]}}";
    String byName = "{\"name\": \"ref\", \"type\": \"T\"}";

    assertThat(violations(chain(98, "%s", "", t))).extracting(Violation::rule).doesNotContain("depth");
    assertThat(violations(chain(98, "%s", t, byName))).extracting(Violation::rule).contains("depth");
    assertThat(violations(chain(49, "[\"null\", %s]", "", x))).isEmpty();
    assertThat(violations(chain(50, "[\"null\", %s]", "", x))).extracting(v -> v.rule() + " " + v.pointer())
        .containsExactly("depth " + "f.".repeat(50) + "x");
  }

  @Test
  void anArrayOrMapOfNullIsRefused() {
    // schema_avro.cc: "Unsupported type of AVRO_NULL as an array element", "... as a map value".
    List<Violation> found = violations("""
        {"type": "record", "name": "R", "fields": [
          {"name": "a", "type": {"type": "array", "items": "null"}},
          {"name": "m", "type": {"type": "map", "values": "null"}},
          {"name": "ok", "type": {"type": "array", "items": ["null", "int"]}}]}""");

    assertThat(found).extracting(v -> v.rule() + " " + v.pointer()).containsExactly("array-of-null a", "map-of-null m");
    assertThat(found.get(0).detail()).contains("\"Unsupported type of AVRO_NULL as an array element\"");
    assertThat(found.get(1).detail()).contains("\"Unsupported type of AVRO_NULL as a map value\"");
    assertThat(violations("{\"type\": \"array\", \"items\": \"null\"}"))
        .extracting(v -> v.rule() + " " + v.pointer()).containsExactly("array-of-null root");
  }

  @Test
  void nullAsTheWholeSchemaIsRefused() {
    // schema_avro.cc type_to_iceberg: "AVRO_NULL is not supported top level type".
    assertThat(violations("\"null\"")).extracting(v -> v.rule() + " " + v.pointer() + " " + v.detail())
        .singleElement().asString().startsWith("null-root  ").contains("\"AVRO_NULL is not supported top level type\"");
    // A union of null alone is an empty struct, not null.
    assertThat(violations("[\"null\"]")).isEmpty();
  }

  @Test
  void aDecimalOnAFixedWiderThanSixteenBytesFailsEveryValue() {
    // iceberg/avro_decimal.h iobuf_to_avro_decimal: "Decimal iobuf can not be larger than 16 bytes"; Avro writes a
    // fixed decimal at the fixed's full width.
    assertThat(violations("""
        {"type": "record", "name": "R", "fields": [{"name": "d", "type": {"type": "fixed", "name": "F17", "size": 17,
          "logicalType": "decimal", "precision": 38, "scale": 2}}]}"""))
        .extracting(v -> v.rule() + " " + v.pointer()).containsExactly("decimal-size d");
    assertThat(violations("""
        {"type": "record", "name": "R", "fields": [{"name": "d", "type": {"type": "fixed", "name": "F16", "size": 16,
          "logicalType": "decimal", "precision": 38, "scale": 2}}]}""")).isEmpty();
  }

  @Test
  void aDecimalPrecisionAboveIcebergsThirtyEightIsRefused() {
    // Redpanda's create_decimal copies any precision; Iceberg's spec stops at 38.
    List<Violation> found = violations("""
        {"type": "record", "name": "R", "fields": [{"name": "d", "type": {"type": "bytes", "logicalType": "decimal",
          "precision": 39, "scale": 0}}]}""");

    assertThat(found).extracting(v -> v.rule() + " " + v.pointer()).containsExactly("decimal-precision d");
    assertThat(found.get(0).detail()).contains("decimal(39, 0)", "at most 38");
  }

  @Test
  void twoUnionBranchesWithOneLabelAreRefused() {
    // union_branch_label gives simple names, and "symbolic" for any enum used by name.
    assertThat(violations("""
        {"type": "record", "name": "R", "fields": [
          {"name": "a", "type": {"type": "record", "name": "X", "namespace": "one", "fields": []}},
          {"name": "b", "type": {"type": "record", "name": "X", "namespace": "two", "fields": []}},
          {"name": "c", "type": {"type": "enum", "name": "E1", "symbols": ["A"]}},
          {"name": "d", "type": {"type": "enum", "name": "E2", "symbols": ["B"]}},
          {"name": "u", "type": ["one.X", "two.X"]},
          {"name": "v", "type": ["null", "E1", "E2"]}]}"""))
        .extracting(v -> v.rule() + " " + v.pointer()).containsExactly("duplicate-field u.X", "duplicate-field v.symbolic");
  }

  @Test
  void everyViolationIsFoundNotOnlyTheFirst() {
    assertThat(violations("""
        {"type": "record", "name": "R", "fields": [
          {"name": "a", "type": {"type": "array", "items": "null"}},
          {"name": "self", "type": ["null", "R"]},
          {"name": "u", "type": ["int", {"type": "map", "values": "null"}]}]}"""))
        .extracting(v -> v.rule() + " " + v.pointer())
        .containsExactly("array-of-null a", "array-of-null self.a", "recursive-type self.self", "map-of-null self.u.map",
            "map-of-null u.map");
  }

  /** A root record whose field f holds a record, n records deep, the last with an int field x. */
  private static String nestedRecords(int n) {
    return chain(n, "%s", "", "{\"name\": \"x\", \"type\": \"int\"}");
  }

  /**
   * Records R0 (the root, with {@code rootFields} first) to Rn, each holding the next in field f, of type
   * {@code wrapper} with %s the next record; Rn's only field is {@code leaf}.
   */
  private static String chain(int n, String wrapper, String rootFields, String leaf) {
    String inner = record("R" + n, leaf);
    for (int k = n - 1; k >= 0; k--) {
      String f = "{\"name\": \"f\", \"type\": " + wrapper.formatted(inner) + "}";
      inner = record("R" + k, k == 0 && !rootFields.isEmpty() ? rootFields + ", " + f : f);
    }
    return inner;
  }

  private static String record(String name, String fields) {
    return "{\"type\": \"record\", \"name\": \"" + name + "\", \"fields\": [" + fields + "]}";
  }

  private static List<Violation> violations(String schema) {
    return AvroValueSchema.parse(schema).violations();
  }
}
