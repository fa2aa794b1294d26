package lakehouse.stack.redpanda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lakehouse.stack.BasicAuth;

/**
 * Registers and looks up schemas in a Confluent-compatible Schema Registry: Redpanda's on the containers and
 * external stacks, the embedded stack's stand-in there, with the same requests. Credentials in the URL
 * ({@code https://user:password@host:8081}) become HTTP Basic authentication.
 */
public final class SchemaRegistryClient {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String authorization;

  /** A schema as the registry holds it: its ID, its {@code schemaType} (AVRO when the registry omits it) and text. */
  public record Registered(int id, String schemaType, String schema) {}

  public SchemaRegistryClient(String url) {
    URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.authorization = BasicAuth.header(uri);
    this.base = BasicAuth.withoutUserInfo(uri);
  }

  /** {@code POST /subjects/<subject>/versions}; returns the schema id. Registering the same schema again is a no-op. */
  public int register(String subject, String requestBody) {
    HttpRequest.Builder request = request(versionsUri(base, subject))
        .header("Content-Type", CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(requestBody));
    return send(request, "refused the schema of " + subject).path("id").asInt();
  }

  /** {@code {"schemaType": …, "schema": …}}: a registration of the schema text in its format, with no references. */
  public int register(String subject, String schemaType, String schema) {
    return register(subject, JSON.createObjectNode().put("schemaType", schemaType).put("schema", schema).toString());
  }

  /**
   * {@code PUT /config/<subject>}: the subject's compatibility level, such as {@code NONE}, so a spec can register
   * a version the registry's default ({@code BACKWARD} on Redpanda) would refuse and see what translation does.
   */
  public void setCompatibility(String subject, String level) {
    send(request(URI.create(base + "/config/" + URLEncoder.encode(subject, StandardCharsets.UTF_8)))
        .header("Content-Type", CONTENT_TYPE)
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("compatibility", level).toString())),
        "refused compatibility " + level + " for " + subject);
  }

  /** {@code GET /schemas/ids/<id>}. */
  public Registered schema(int id) {
    JsonNode answer = send(request(URI.create(base + "/schemas/ids/" + id)).GET(), "has no schema " + id);
    return new Registered(id, answer.path("schemaType").asText("AVRO"), answer.path("schema").asText());
  }

  /** {@code GET /subjects/<subject>/versions/latest}. */
  public Registered latest(String subject) {
    JsonNode answer = send(request(URI.create(versionsUri(base, subject) + "/latest")).GET(),
        "has no latest version of " + subject);
    return new Registered(answer.path("id").asInt(), answer.path("schemaType").asText("AVRO"),
        answer.path("schema").asText());
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", CONTENT_TYPE);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private JsonNode send(HttpRequest.Builder request, String failure) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("the Schema Registry at " + base + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the Schema Registry at " + base, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("the Schema Registry at " + base + " " + failure + ": " + response.statusCode()
          + " " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the Schema Registry at " + base + " answered with something other than JSON", e);
    }
  }

  static URI versionsUri(URI base, String subject) {
    return URI.create(base + "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions");
  }

  @Override
  public String toString() {
    return "SchemaRegistryClient[" + base + (authorization == null ? "" : ", basic auth") + "]";
  }
}
