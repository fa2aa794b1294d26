package lakehouse.stack.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request body against Polaris' management OpenAPI, as strictly as Polaris' generated
 * model reads it: unknown or misspelt properties, missing required ones, values outside an enum and
 * wrong JSON types are violations. Follows {@code $ref}, {@code allOf} and discriminator mappings.
 */
final class PolarisManagementContract {
  private final JsonNode api;

  PolarisManagementContract(JsonNode api) {
    this.api = api;
  }

  static PolarisManagementContract load() {
    return new PolarisManagementContract(ReferenceContracts.polarisManagementApi());
  }

  /** The schema of an operation's JSON request body; missing node if the operation does not exist. */
  JsonNode requestSchema(String path, String method) {
    return api.path("paths").path(path).path(method).path("requestBody").path("content")
        .path("application/json").path("schema");
  }

  /** A property of a schema under {@code components/schemas}, its own or an {@code allOf} member's; missing node if none. */
  JsonNode property(String schemaName, String property) {
    JsonNode schema = api.path("components").path("schemas").path(schemaName);
    return properties(resolve(schema)).getOrDefault(property, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }

  List<String> violations(JsonNode body, JsonNode schema) {
    List<String> problems = new ArrayList<>();
    check(body, schema, "$", problems);
    return problems;
  }

  private void check(JsonNode value, JsonNode schemaOrRef, String where, List<String> problems) {
    JsonNode schema = concrete(resolve(schemaOrRef), value, where, problems);
    if (schema == null) {
      return;
    }
    Map<String, JsonNode> properties = properties(schema);
    String type = schema.path("type").asText(properties.isEmpty() ? "" : "object");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          problems.add(where + " must be an object");
          return;
        }
        JsonNode additional = schema.path("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          JsonNode fieldSchema = properties.getOrDefault(field.getKey(), additional.isObject() ? additional : null);
          if (fieldSchema == null) {
            problems.add(where + "." + field.getKey() + " is not a property of the schema; known: " + properties.keySet());
          } else {
            check(field.getValue(), fieldSchema, where + "." + field.getKey(), problems);
          }
        }
        required(schema).stream().filter(name -> !value.has(name))
            .forEach(name -> problems.add(where + "." + name + " is required"));
      }
      case "array" -> {
        if (!value.isArray()) {
          problems.add(where + " must be an array");
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(value.get(i), schema.path("items"), where + "[" + i + "]", problems);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          problems.add(where + " must be a string");
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          problems.add(where + " must be a boolean");
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          problems.add(where + " must be an integer");
        }
      }
      default -> { }
    }
    JsonNode allowed = schema.path("enum");
    if (allowed.isArray() && !contains(allowed, value)) {
      problems.add(where + " = " + value + " is not one of " + allowed);
    }
  }

  /** The schema a discriminator maps the value to, or the schema itself; null after a violation. */
  private JsonNode concrete(JsonNode schema, JsonNode value, String where, List<String> problems) {
    JsonNode discriminator = schema.path("discriminator");
    if (!discriminator.isObject() || !value.isObject()) {
      return schema;
    }
    String propertyName = discriminator.path("propertyName").asText();
    JsonNode mapped = discriminator.path("mapping").path(value.path(propertyName).asText());
    if (mapped.isMissingNode()) {
      problems.add(where + "." + propertyName + " = " + value.path(propertyName) + " maps to no schema");
      return null;
    }
    JsonNode target = resolve(JsonNodeFactory.instance.objectNode().put("$ref", mapped.asText()));
    return target.equals(schema) ? schema : target;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    while (current.has("$ref")) {
      current = api.at(current.path("$ref").asText().substring(1));
    }
    return current;
  }

  /** Own properties plus those of every {@code allOf} member. */
  private Map<String, JsonNode> properties(JsonNode schema) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    schema.path("allOf").forEach(member -> properties.putAll(properties(resolve(member))));
    schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
    return properties;
  }

  private Set<String> required(JsonNode schema) {
    Set<String> required = new HashSet<>();
    schema.path("allOf").forEach(member -> required.addAll(required(resolve(member))));
    schema.path("required").forEach(name -> required.add(name.asText()));
    return required;
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (candidate.asText().equals(value.asText())) {
        return true;
      }
    }
    return false;
  }
}
