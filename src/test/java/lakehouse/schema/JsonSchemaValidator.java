package lakehouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a JSON value against the parts of a JSON Schema that decide whether it can become an
 * Iceberg row: required properties, each property's type, and {@code date-time} strings. A record
 * that fails here would fail translation, so it is quarantined instead of killing the writer.
 */
public final class JsonSchemaValidator {
  private final JsonSchema schema;

  public JsonSchemaValidator(JsonSchema schema) {
    this.schema = schema;
  }

  /** Why the value cannot be translated, or empty when it can. */
  public Optional<String> violation(JsonNode value) {
    return violation(schema.root(), value, "$");
  }

  private static Optional<String> violation(JsonNode schema, JsonNode value, String path) {
    String type = schema.path("type").asText("");
    return switch (type) {
      case "object" -> objectViolation(schema, value, path);
      case "array" -> arrayViolation(schema, value, path);
      case "integer" -> value.isIntegralNumber() ? Optional.empty() : expected(path, "an integer", value);
      case "number" -> value.isNumber() ? Optional.empty() : expected(path, "a number", value);
      case "boolean" -> value.isBoolean() ? Optional.empty() : expected(path, "true or false", value);
      case "string" -> stringViolation(schema, value, path);
      default -> Optional.empty();
    };
  }

  private static Optional<String> objectViolation(JsonNode schema, JsonNode value, String path) {
    if (!value.isObject()) {
      return expected(path, "an object", value);
    }
    for (JsonNode required : schema.path("required")) {
      JsonNode field = value.get(required.asText());
      if (field == null || field.isNull()) {
        return Optional.of(path + "." + required.asText() + " is required but missing");
      }
    }
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      JsonNode field = value.get(property.getKey());
      if (field != null && !field.isNull()) {
        Optional<String> violation = violation(property.getValue(), field, path + "." + property.getKey());
        if (violation.isPresent()) {
          return violation;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> arrayViolation(JsonNode schema, JsonNode value, String path) {
    if (!value.isArray()) {
      return expected(path, "an array", value);
    }
    for (int i = 0; i < value.size(); i++) {
      Optional<String> violation = violation(schema.path("items"), value.get(i), path + "[" + i + "]");
      if (violation.isPresent()) {
        return violation;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> stringViolation(JsonNode schema, JsonNode value, String path) {
    if (!value.isTextual()) {
      return expected(path, "a string", value);
    }
    if ("date-time".equals(schema.path("format").asText())) {
      try {
        OffsetDateTime.parse(value.asText());
      } catch (DateTimeParseException e) {
        return Optional.of(path + " is not an ISO-8601 date-time: " + abbreviate(value.asText()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> expected(String path, String what, JsonNode value) {
    return Optional.of(path + " must be " + what + " but is " + abbreviate(value.toString()));
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
