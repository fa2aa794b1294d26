package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP steps against a stand-in that answers like Polaris' documented API. */
class PolarisBootstrapTest {
  private static final ContainerCredentials CREDENTIALS =
      new ContainerCredentials("minio-user", "minio-password", "root", "polaris-secret", "pg", "pg-password");

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile int grantStatus = 201;

  @BeforeEach
  void startStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stopStandIn() {
    server.stop(0);
  }

  @Test
  void getsARootTokenThenCreatesTheCatalogGrantsAndCreatesTheNamespace() {
    new PolarisBootstrap(baseUri(), CREDENTIALS).prepareCatalog();

    assertThat(requests).containsExactly(
        "POST /api/catalog/v1/oauth/tokens application/x-www-form-urlencoded "
            + "grant_type=client_credentials&client_id=root&client_secret=polaris-secret&scope=PRINCIPAL_ROLE%3AALL",
        "POST /api/management/v1/catalogs Bearer t0ken " + PolarisManagementRequests.createCatalog(),
        "PUT " + PolarisManagementRequests.grantsPath() + " Bearer t0ken "
            + PolarisManagementRequests.grantCatalogPrivilege(),
        "POST /api/catalog/v1/redpanda_catalog/namespaces Bearer t0ken " + PolarisManagementRequests.createNamespace());
  }

  @Test
  void aRefusalNamesTheStepAndPolarisAnswerButNoSecret() {
    grantStatus = 403;

    assertThatThrownBy(() -> new PolarisBootstrap(baseUri(), CREDENTIALS).prepareCatalog())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("grant CATALOG_MANAGE_CONTENT")
        .hasMessageContaining("403")
        .hasMessageContaining("NotAuthorizedException")
        .hasMessageNotContaining("polaris-secret");
  }

  private String baseUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    String credential = path.endsWith("/oauth/tokens")
        ? exchange.getRequestHeaders().getFirst("Content-Type")
        : exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(exchange.getRequestMethod() + " " + path + " " + credential + " " + body);
    if (path.endsWith("/oauth/tokens")) {
      respond(exchange, 200, "{\"access_token\":\"t0ken\",\"token_type\":\"bearer\",\"expires_in\":3600}");
    } else if (path.endsWith("/grants")) {
      respond(exchange, grantStatus, grantStatus == 201 ? ""
          : "{\"error\":{\"message\":\"Principal 'root' is not authorized\",\"type\":\"NotAuthorizedException\",\"code\":403}}");
    } else if (path.endsWith("/catalogs")) {
      respond(exchange, 201, body);
    } else {
      respond(exchange, 200, body);
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
