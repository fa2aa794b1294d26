package lakehouse.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Looks schemas up in the topic's Schema Registry from inside a Connect worker, as Redpanda's translator does
 * ({@code datalake/schema_registry.cc}, {@code record_schema_resolver.cc}): an ID the registry does not know sends
 * the record to the dead-letter table ("Schema ID … not in registry"); a registry that does not answer pauses
 * translation, so the failure is retriable. Schemas by ID never change and are kept; a subject's latest version
 * is asked again after {@code latestTtl}, as Redpanda caches it for {@code iceberg_latest_schema_cache_ttl_ms}.
 */
final class RegistryLookup {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A schema as the registry holds it. */
  record Registered(int id, String schemaType, String schema) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String authorization;
  private final Duration latestTtl;
  private final Map<Integer, Registered> byId = new ConcurrentHashMap<>();
  private volatile Registered latest;
  private volatile long latestAt;

  /** Credentials in the URL ({@code http://user:password@host:8081}) become HTTP Basic authentication. */
  RegistryLookup(String url, Duration latestTtl) {
    URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.authorization = uri.getRawUserInfo() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        java.net.URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    this.base = URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    this.latestTtl = latestTtl;
  }

  Registered byId(int id) {
    return byId.computeIfAbsent(id, key -> {
      JsonNode answer = get("/schemas/ids/" + key, "Schema ID " + key + " not in registry");
      return new Registered(key, answer.path("schemaType").asText("AVRO"), answer.path("schema").asText());
    });
  }

  Registered latest(String subject) {
    Registered cached = latest;
    if (cached != null && System.nanoTime() - latestAt < latestTtl.toNanos()) {
      return cached;
    }
    JsonNode answer = get("/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions/latest",
        null);
    latest = new Registered(answer.path("id").asInt(), answer.path("schemaType").asText("AVRO"),
        answer.path("schema").asText());
    latestAt = System.nanoTime();
    return latest;
  }

  /**
   * @param notFound the dead letter's reason when the registry answers 404; null where a 404 pauses (a subject
   *     that does not exist is a {@code registry_error} to Redpanda)
   */
  private JsonNode get(String path, String notFound) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/vnd.schemaregistry.v1+json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RetriableException("the Schema Registry at " + base + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while asking the Schema Registry at " + base, e);
    }
    if (response.statusCode() == 404 && notFound != null) {
      throw new DataException(notFound);
    }
    if (response.statusCode() / 100 != 2) {
      throw new RetriableException("the Schema Registry at " + base + " answered " + path + " with "
          + response.statusCode() + " " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new RetriableException("the Schema Registry at " + base + " answered with something other than JSON", e);
    }
  }
}
