package lakehouse.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A JSON Schema (draft-07) for the value of an Iceberg topic, usually an object with typed properties.
 * Redpanda registers the text as is; the embedded stack derives the Iceberg table from it. Whether
 * Redpanda can translate it is {@link SchemaRules}' to say, not this class's.
 */
public final class JsonSchema {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String text;
  private final JsonNode root;

  private JsonSchema(String text, JsonNode root) {
    this.text = text;
    this.root = root;
  }

  public static JsonSchema parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("JSON Schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a JSON Schema document must be a JSON object, not " + root);
    }
    return new JsonSchema(text, root);
  }

  /** Loads a schema from the test classpath, for example {@code schemas/trades.schema.json}. */
  public static JsonSchema fromResource(String resource) {
    try (InputStream in = JsonSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no JSON Schema on the classpath at " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema exactly as written, for a Schema Registry. */
  public String text() {
    return text;
  }

  public JsonNode root() {
    return root;
  }

  public JsonNode properties() {
    return root.path("properties");
  }

  /** Whether the value is an object whose properties become columns; any other root is one column, {@code root}. */
  public boolean isObject() {
    return "object".equals(IcebergTypes.jsonType(root));
  }
}
