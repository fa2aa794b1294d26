package lakehouse.stack.redpanda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import lakehouse.stack.BasicAuth;

/**
 * Redpanda's Admin API, asked one thing: the release every broker runs. {@code GET /v1/brokers}
 * answers an array of {@code broker} objects whose {@code version} is the broker's
 * {@code redpanda_version()}, such as {@code v25.3.11 - 6a4f0c9…} (Redpanda's
 * {@code src/v/redpanda/admin/api-doc/broker.json}; filled from each broker's health report in
 * {@code admin/server.cc} {@code get_brokers}). Credentials in the URL become HTTP Basic authentication.
 */
public final class RedpandaAdminApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String settingKey;
  private final URI base;
  private final String authorization;

  /** @param settingKey the setting the URL came from, named in every error */
  public RedpandaAdminApi(String url, String settingKey) {
    this.settingKey = settingKey;
    URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.authorization = BasicAuth.header(uri);
    this.base = BasicAuth.withoutUserInfo(uri);
  }

  /** Node id → the version text it reports; a broker missing from the health report has none and is left out. */
  public Map<Long, String> brokerVersions() {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/brokers"))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json")
        .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Redpanda's Admin API at " + base + " (" + settingKey + ") did not answer: " + e
          + "; correct " + settingKey + ", or unset it to skip the broker version check", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Redpanda's Admin API for the broker versions", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Redpanda's Admin API at " + base + " (" + settingKey + ") answered GET /v1/brokers"
          + " with " + response.statusCode() + " " + response.body());
    }
    Map<Long, String> versions = new LinkedHashMap<>();
    try {
      JsonNode brokers = JSON.readTree(response.body());
      if (!brokers.isArray()) {
        throw new IllegalStateException("Redpanda's Admin API at " + base + " answered GET /v1/brokers with " + brokers
            + ", not an array of brokers; is " + settingKey + " the Admin API (port 9644)?");
      }
      brokers.forEach(broker -> {
        if (broker.path("version").isTextual()) {
          versions.put(broker.path("node_id").asLong(), broker.path("version").asText());
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException("Redpanda's Admin API at " + base + " answered GET /v1/brokers with something"
          + " other than JSON; is " + settingKey + " the Admin API (port 9644)?", e);
    }
    return versions;
  }

  /**
   * Refuses the cluster when any broker runs a release older than {@link RedpandaVersion#MINIMUM}.
   *
   * @return what was found, one line for the run's output; it names any version it could not read
   */
  public String requireSupportedBrokers() {
    Map<Long, String> versions = brokerVersions();
    if (versions.isEmpty()) {
      return "Redpanda's Admin API at " + base + " reported no broker version, so the version was not checked";
    }
    StringBuilder found = new StringBuilder("Redpanda brokers at " + base + ":");
    versions.forEach((node, text) -> {
      found.append(" broker ").append(node).append(' ').append(text.trim());
      RedpandaVersion.parse(text).ifPresentOrElse(
          release -> release.requireSupported("broker " + node + " (from " + settingKey + ")", text),
          () -> found.append(" (names no release, so it was not checked)"));
      found.append(';');
    });
    return found.append(" the suite needs ").append(RedpandaVersion.MINIMUM.major()).append('.')
        .append(RedpandaVersion.MINIMUM.minor()).append(" or newer").toString();
  }

  @Override
  public String toString() {
    return "RedpandaAdminApi[" + base + (authorization == null ? "" : ", basic auth") + "]";
  }
}
