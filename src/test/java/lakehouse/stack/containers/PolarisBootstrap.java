package lakehouse.stack.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Prepares a started Polaris for the stack, in the order containers-stack.md §2 gives: a root token,
 * the catalog, the grant, the namespace. All of it must happen before Redpanda's first commit,
 * or Redpanda fails with "Unable to find warehouse" (R2).
 */
final class PolarisBootstrap {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int CONFLICT = 409;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUri;
  private final ContainerCredentials credentials;

  /** @param baseUri {@code http://host:port} of Polaris' API port as the JVM reaches it */
  PolarisBootstrap(String baseUri, ContainerCredentials credentials) {
    this.baseUri = baseUri;
    this.credentials = credentials;
  }

  void prepareCatalog() {
    String token = token();
    // 409: the catalog or namespace exists already, which is the state this step wants.
    send("create catalog " + StackWiring.CATALOG, token, "POST", PolarisManagementRequests.CATALOGS_PATH,
        PolarisManagementRequests.createCatalog(), Set.of(200, 201, CONFLICT));
    send("grant " + PolarisManagementRequests.CATALOG_PRIVILEGE, token, "PUT", PolarisManagementRequests.grantsPath(),
        PolarisManagementRequests.grantCatalogPrivilege(), Set.of(200, 201));
    send("create namespace " + StackWiring.NAMESPACE, token, "POST", PolarisManagementRequests.namespacesPath(),
        PolarisManagementRequests.createNamespace(), Set.of(200, CONFLICT));
  }

  private String token() {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + PolarisManagementRequests.TOKEN_PATH))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(PolarisManagementRequests.tokenForm(
            credentials.polarisClientId(), credentials.polarisClientSecret(), StackWiring.SCOPE)))
        .build();
    HttpResponse<String> response = exchange("get a root token", request, Set.of(200));
    try {
      JsonNode token = JSON.readTree(response.body()).path("access_token");
      if (!token.isTextual() || token.asText().isEmpty()) {
        throw new IllegalStateException("Polaris answered the token request without an access_token");
      }
      return token.asText();
    } catch (IOException e) {
      throw new UncheckedIOException("Polaris answered the token request with something other than JSON", e);
    }
  }

  private void send(String step, String token, String method, String path, JsonNode body, Set<Integer> accepted) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    exchange(step, request, accepted);
  }

  /** Fails with the step, the status and Polaris' error body; never with the request, which may hold secrets. */
  private HttpResponse<String> exchange(String step, HttpRequest request, Set<Integer> accepted) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Polaris did not answer to " + step + " at " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Polaris to " + step, e);
    }
    if (!accepted.contains(response.statusCode())) {
      throw new IllegalStateException("Polaris refused to " + step + ": " + request.method() + " " + request.uri()
          + " answered " + response.statusCode() + " " + response.body());
    }
    return response;
  }
}
