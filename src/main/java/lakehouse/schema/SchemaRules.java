package lakehouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.types.Type;

/**
 * Redpanda 25.3's rules for a JSON Schema it can translate into Iceberg columns
 * (docs/redpanda-contract.md §1, from {@code json_schema/frontend.cc} and {@code ir_json.cc}).
 * Redpanda registers any valid JSON Schema and then sends every record of a topic whose schema
 * breaks them to its dead-letter table, so the suite checks them before an Iceberg topic is created
 * or its schema evolves, and refuses a schema with the rule and the JSON pointer of the offending part.
 * A schema is registered exactly as written, so one without {@code $schema} is refused like any other:
 * Redpanda compiles it with no default dialect and fails with "Schema dialect is not set".
 */
public final class SchemaRules {
  /** The only dialect Redpanda 25.3 recognises, compared as a whole string. */
  public static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
  /** Redpanda's {@code recurse_guard}: deeper schemas fail with "Schema depth limit exceeded". */
  static final int MAX_DEPTH = 32;

  static final Set<String> BANNED_KEYWORDS = Set.of(
      "$ref", "$dynamicRef", "default", "if", "then", "else", "dependencies", "allOf", "anyOf", "oneOf",
      "patternProperties");
  private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");

  private SchemaRules() {}

  /** A rule of Redpanda's broken at one place of the schema. */
  public record Violation(String rule, String pointer, String detail) {
    @Override
    public String toString() {
      return "rule '" + rule + "' at " + (pointer.isEmpty() ? "the root" : pointer) + ": " + detail;
    }
  }

  /** Fails with every broken rule, each with its JSON pointer; returns quietly for a translatable schema. */
  public static void check(String topic, JsonSchema schema) {
    List<Violation> violations = violations(schema.root());
    if (!violations.isEmpty()) {
      throw new UntranslatableSchemaException(topic, violations);
    }
  }

  public static List<Violation> violations(JsonNode root) {
    List<Violation> found = new ArrayList<>();
    // record_schema_resolver.cc translate_json_schema compiles with no default dialect (std::nullopt), so
    // frontend.cc compile_context::dialect throws for a root without $schema; a nested subschema inherits it.
    if (root.isObject() && !root.has("$schema")) {
      found.add(new Violation("dialect", "", "has no \"$schema\"; Redpanda compiles the schema with no default dialect"
          + " (\"Schema dialect is not set (missing $schema keyword?)\"); declare \"$schema\": \"" + DRAFT_07 + "\""));
    }
    subschema(root, "", 1, found);
    return found;
  }

  /** A node Redpanda compiles: it must be an object with a type, and holds no banned keyword. */
  private static void subschema(JsonNode schema, String pointer, int depth, List<Violation> found) {
    if (depth > MAX_DEPTH) {
      found.add(new Violation("depth", pointer, "nests subschemas deeper than " + MAX_DEPTH));
      return;
    }
    if (!schema.isObject()) {
      found.add(new Violation("type-required", pointer, "is " + schema + ": a boolean or non-object subschema has no"
          + " \"type\" (\"missing type keyword\")"));
      return;
    }
    compiledKeywords(schema, pointer, depth, found);
    String type = singleType(schema, pointer, found);
    if (type == null) {
      return;
    }
    switch (type) {
      case "object" -> object(schema, pointer, depth, found);
      case "array" -> array(schema, pointer, depth, found);
      default -> { }
    }
  }

  /** What Redpanda's frontend checks on every compiled node, whatever its type. */
  private static void compiledKeywords(JsonNode schema, String pointer, int depth, List<Violation> found) {
    Iterator<String> names = schema.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (BANNED_KEYWORDS.contains(name)) {
        found.add(new Violation("banned-keyword", pointer + "/" + escape(name), "\"The " + name
            + " keyword is not allowed\""));
      }
    }
    JsonNode dialect = schema.get("$schema");
    if (dialect != null && !(dialect.isTextual() && DRAFT_07.equals(dialect.asText()))) {
      found.add(new Violation("dialect", pointer + "/$schema", "declares " + dialect + "; Redpanda translates only "
          + DRAFT_07 + ", matched as a whole string"));
    }
    JsonNode format = schema.get("format");
    if (format != null && !format.isTextual()) {
      found.add(new Violation("keyword-type", pointer + "/format", "must be a string"));
    }
    JsonNode defs = schema.get("$defs");
    if (defs != null) {
      if (!defs.isObject()) {
        found.add(new Violation("keyword-type", pointer + "/$defs", "must be an object"));
      } else {
        defs.fields().forEachRemaining(def ->
            compiledKeywords(def.getValue(), pointer + "/$defs/" + escape(def.getKey()), depth + 1, found));
      }
    }
  }

  /** The one non-null type of a subschema, or null (with a violation) where there is none. */
  private static String singleType(JsonNode schema, String pointer, List<Violation> found) {
    JsonNode type = schema.get("type");
    List<String> types = new ArrayList<>();
    if (type != null && type.isTextual()) {
      types.add(type.asText());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type != null) {
      found.add(new Violation("keyword-type", pointer + "/type", "must be a string or an array of strings"));
      return null;
    }
    List<String> nonNull = types.stream().filter(t -> !"null".equals(t)).toList();
    if (nonNull.isEmpty()) {
      found.add(new Violation("type-required", type == null ? pointer : pointer + "/type",
          (type == null ? "has no \"type\"" : "is " + type + ", which leaves no type other than \"null\"")
              + " (\"missing type keyword\")"));
      return null;
    }
    if (nonNull.size() > 1) {
      found.add(new Violation("type-union", pointer + "/type", "is " + type + "; Redpanda allows one type, optionally"
          + " with \"null\" (\"Type constraint is not sufficient for transforming\")"));
      return null;
    }
    String only = nonNull.get(0);
    if (!TYPES.contains(only)) {
      found.add(new Violation("type-unknown", pointer + "/type", "is \"" + only + "\"; use one of " + TYPES));
      return null;
    }
    return only;
  }

  private static void object(JsonNode schema, String pointer, int depth, List<Violation> found) {
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && !(additional.isBoolean() && !additional.asBoolean())) {
      found.add(new Violation("additional-properties", pointer + "/additionalProperties", "is " + additional
          + "; \"Only 'false' subschema is supported for additionalProperties keyword\""));
    }
    JsonNode properties = schema.get("properties");
    if (properties == null) {
      return;
    }
    if (!properties.isObject()) {
      found.add(new Violation("keyword-type", pointer + "/properties", "must be an object"));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = properties.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> property = entries.next();
      subschema(property.getValue(), pointer + "/properties/" + escape(property.getKey()), depth + 1, found);
    }
  }

  /** {@code items} is required; a tuple's entries and {@code additionalItems} must all be one type. */
  private static void array(JsonNode schema, String pointer, int depth, List<Violation> found) {
    JsonNode items = schema.get("items");
    if (items == null) {
      found.add(new Violation("array-items", pointer, "is an array without \"items\" (\"Cannot convert JSON schema"
          + " list type without items\")"));
      return;
    }
    if (items.isObject()) {
      subschema(items, pointer + "/items", depth + 1, found);
      return;
    }
    if (!items.isArray()) {
      found.add(new Violation("array-items", pointer + "/items", "must be an object or an array of objects"));
      return;
    }
    List<String> pointers = new ArrayList<>();
    List<JsonNode> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      pointers.add(pointer + "/items/" + i);
      entries.add(items.get(i));
    }
    if (schema.has("additionalItems")) {
      pointers.add(pointer + "/additionalItems");
      entries.add(schema.get("additionalItems"));
    }
    if (entries.isEmpty()) {
      found.add(new Violation("array-items", pointer + "/items", "is an empty tuple without \"additionalItems\""
          + " (\"List type items must have the type defined in JSON schema\")"));
      return;
    }
    int before = found.size();
    for (int i = 0; i < entries.size(); i++) {
      subschema(entries.get(i), pointers.get(i), depth + 1, found);
    }
    if (found.size() == before) {
      sameType(entries, pointers, found);
    }
  }

  private static void sameType(List<JsonNode> entries, List<String> pointers, List<Violation> found) {
    Type first = IcebergTypes.icebergType(entries.get(0), new AtomicInteger(), pointers.get(0));
    for (int i = 1; i < entries.size(); i++) {
      Type other = IcebergTypes.icebergType(entries.get(i), new AtomicInteger(), pointers.get(i));
      if (!sameShape(first, other)) {
        found.add(new Violation("array-items", pointers.get(i), "is " + other + " where " + pointers.get(0) + " is "
            + first + " (\"List type items must have the same type\")"));
      }
    }
  }

  /** Types compared without their field ids, which differ between two derivations. */
  private static boolean sameShape(Type a, Type b) {
    return org.apache.iceberg.types.TypeUtil.assignIncreasingFreshIds(new org.apache.iceberg.Schema(
            org.apache.iceberg.types.Types.NestedField.optional(1, "t", a))).sameSchema(
        org.apache.iceberg.types.TypeUtil.assignIncreasingFreshIds(new org.apache.iceberg.Schema(
            org.apache.iceberg.types.Types.NestedField.optional(1, "t", b))));
  }

  /** RFC 6901: '~' becomes '~0', '/' becomes '~1'. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
