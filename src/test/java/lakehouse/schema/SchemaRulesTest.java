package lakehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rule, at which JSON pointer: the refusals conformance cases cannot name. */
class SchemaRulesTest {
  /** The opening of a schema declaring the one dialect Redpanda translates. */
  private static final String DECLARED = "{\"$schema\": \"" + SchemaRules.DRAFT_07 + "\", ";

  @Test
  void theProjectsOwnSchemasAreTranslatable() {
    SchemaRules.check("trades", JsonSchema.fromResource("schemas/trades.schema.json"));
    SchemaRules.check("trade_analytics", JsonSchema.fromResource("schemas/trade_analytics.schema.json"));
  }

  @Test
  void eachViolationNamesItsRuleAndPointer() throws Exception {
    List<SchemaRules.Violation> violations = violations("""
        {"$schema": "https://json-schema.org/draft-07/schema", "type": "object", "additionalProperties": true,
         "properties": {"a/b": {"type": "string", "default": "x"}, "tags": {"type": "array"},
           "pair": {"type": "array", "items": [{"type": "string"}, {"type": "integer"}]},
           "either": {"type": ["string", "integer"]}, "nothing": {"type": "null"}, "odd": {"type": "int"}},
         "$defs": {"d": {"oneOf": []}}}""");

    assertThat(violations).extracting(v -> v.rule() + " " + v.pointer()).containsExactlyInAnyOrder(
        "dialect /$schema",
        "banned-keyword /$defs/d/oneOf",
        "additional-properties /additionalProperties",
        "banned-keyword /properties/a~1b/default",
        "array-items /properties/tags",
        "array-items /properties/pair/items/1",
        "type-union /properties/either/type",
        "type-required /properties/nothing/type",
        "type-unknown /properties/odd/type");
  }

  @Test
  void aRefusalSaysNothingWasCreatedAndWhereToReadTheRules() {
    assertThatThrownBy(() -> SchemaRules.check("t", JsonSchema.parse("{\"$schema\": \"" + SchemaRules.DRAFT_07
        + "\", \"type\": \"object\", \"properties\": {\"a\": true}}")))
        .isInstanceOf(UntranslatableSchemaException.class)
        .hasMessageContaining("t~dlq")
        .hasMessageContaining("nothing was registered or created")
        .hasMessageContaining("rule 'type-required' at /properties/a")
        .hasMessageContaining("docs/redpanda-contract.md");
  }

  @Test
  void tuplesOfOneTypeAndAdditionalItemsOfThatTypeAreFine() throws Exception {
    assertThat(violations("""
        {"$schema": "http://json-schema.org/draft-07/schema#",
         "type": "object", "properties": {"a": {"type": "array", "items": [{"type": "string"}, {"type": "string"}],
          "additionalItems": {"type": "string"}}, "b": {"type": "array", "items": [], "additionalItems": {"type": "integer"}}}}"""))
        .isEmpty();
    assertThat(violations(DECLARED + "\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"array\", \"items\": []}}}"))
        .extracting(SchemaRules.Violation::rule).containsExactly("array-items");
  }

  @Test
  void aSchemaNestedDeeperThanRedpandasLimitIsRefused() throws Exception {
    String deep = "{\"type\": \"integer\"}";
    for (int i = 0; i < SchemaRules.MAX_DEPTH - 1; i++) {
      deep = "{\"type\": \"object\", \"properties\": {\"n\": " + deep + "}}";
    }
    deep = DECLARED + "\"type\": \"object\", \"properties\": {\"n\": " + deep + "}}";

    assertThat(violations(deep)).extracting(SchemaRules.Violation::rule).containsExactly("depth");
  }

  @Test
  void aSchemaWithoutDialectIsRefusedWithRedpandasMessage() throws Exception {
    assertThat(violations("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}"))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("dialect"))
        .satisfies(v -> assertThat(v.pointer()).isEmpty())
        .satisfies(v -> assertThat(v.detail()).contains("Schema dialect is not set (missing $schema keyword?)")
            .contains(SchemaRules.DRAFT_07));
  }

  @Test
  void aNestedSubschemaInheritsTheRootsDialect() throws Exception {
    assertThat(violations(DECLARED + "\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}"))
        .isEmpty();
  }

  private static List<SchemaRules.Violation> violations(String schema) throws Exception {
    return SchemaRules.violations(new ObjectMapper().readTree(schema));
  }
}
