package lakehouse.stack.redpanda;

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
 * Registers schemas with a Confluent-compatible Schema Registry such as Redpanda's. Credentials in
 * the URL ({@code https://user:password@host:8081}) become HTTP Basic authentication.
 */
final class SchemaRegistryClient {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String authorization;

  SchemaRegistryClient(String url) {
    URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.authorization = BasicAuth.header(uri);
    this.base = BasicAuth.withoutUserInfo(uri);
  }

  /** {@code POST /subjects/<subject>/versions}; returns the schema id. Registering the same schema again is a no-op. */
  int register(String subject, String requestBody) {
    HttpRequest.Builder request = HttpRequest.newBuilder(versionsUri(base, subject))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", CONTENT_TYPE)
        .header("Accept", CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(requestBody));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("the Schema Registry at " + base + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while registering " + subject, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("the Schema Registry at " + base + " refused the schema of " + subject
          + ": " + response.statusCode() + " " + response.body());
    }
    try {
      return JSON.readTree(response.body()).path("id").asInt();
    } catch (IOException e) {
      throw new UncheckedIOException("the Schema Registry answered " + subject + " with something other than JSON", e);
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
