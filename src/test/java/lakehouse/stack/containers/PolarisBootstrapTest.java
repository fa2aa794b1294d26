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
      new ContainerCredentials("minio-user", "minio-password", "root", "polaris-secret", "pg", "pg-password",
          "token-key");

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile int grantStatus = 201;
  private volatile int principalStatus = 201;
  private volatile String principalAnswer = "{\"principal\": {\"name\": \"lakehouse_reader\", \"clientId\": \"c0ffee\"},"
      + " \"credentials\": {\"clientId\": \"c0ffee\", \"clientSecret\": \"reader-secret\"}}";

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
    new PolarisBootstrap(baseUri(), CREDENTIALS, "http://localhost:32771").prepareCatalog();

    assertThat(requests).startsWith(
        "POST /api/catalog/v1/oauth/tokens application/x-www-form-urlencoded "
            + "grant_type=client_credentials&client_id=root&client_secret=polaris-secret&scope=PRINCIPAL_ROLE%3AALL",
        "POST /api/management/v1/catalogs Bearer t0ken " + PolarisManagementRequests.createCatalog("http://localhost:32771"),
        "PUT " + PolarisManagementRequests.grantsPath() + " Bearer t0ken "
            + PolarisManagementRequests.grantCatalogPrivilege(),
        "POST /api/catalog/v1/redpanda_catalog/namespaces Bearer t0ken " + PolarisManagementRequests.createNamespace());
  }

  @Test
  void thenCreatesTheReaderItsRolesAndReadGrantsAndReturnsItsGeneratedCredentials() {
    PrincipalCredentials reader = new PolarisBootstrap(baseUri(), CREDENTIALS, "http://localhost:32771").prepareCatalog();

    String grants = "PUT /api/management/v1/catalogs/redpanda_catalog/catalog-roles/catalog_reader/grants Bearer t0ken ";
    assertThat(requests.subList(4, requests.size())).containsExactly(
        "POST /api/management/v1/principals Bearer t0ken " + PolarisReaderRequests.createPrincipal(),
        "POST /api/management/v1/principal-roles Bearer t0ken " + PolarisReaderRequests.createPrincipalRole(),
        "PUT /api/management/v1/principals/lakehouse_reader/principal-roles Bearer t0ken "
            + PolarisReaderRequests.assignPrincipalRole(),
        "POST /api/management/v1/catalogs/redpanda_catalog/catalog-roles Bearer t0ken "
            + PolarisReaderRequests.createCatalogRole(),
        grants + "{\"grant\":{\"type\":\"catalog\",\"privilege\":\"NAMESPACE_LIST\"}}",
        grants + "{\"grant\":{\"type\":\"catalog\",\"privilege\":\"NAMESPACE_READ_PROPERTIES\"}}",
        grants + "{\"grant\":{\"type\":\"catalog\",\"privilege\":\"TABLE_LIST\"}}",
        grants + "{\"grant\":{\"type\":\"catalog\",\"privilege\":\"TABLE_READ_PROPERTIES\"}}",
        grants + "{\"grant\":{\"type\":\"catalog\",\"privilege\":\"TABLE_READ_DATA\"}}",
        "PUT /api/management/v1/principal-roles/lakehouse_reader_role/catalog-roles/redpanda_catalog Bearer t0ken "
            + PolarisReaderRequests.assignCatalogRole());
    assertThat(reader).isEqualTo(new PrincipalCredentials("c0ffee", "reader-secret"));
  }

  @Test
  void aReaderLeftFromAnEarlierRunFailsBecauseItsSecretIsGone() {
    principalStatus = 409;
    principalAnswer = "{\"error\":{\"message\":\"Principal lakehouse_reader already exists\",\"code\":409}}";

    assertThatThrownBy(() -> new PolarisBootstrap(baseUri(), CREDENTIALS, "http://localhost:32771").prepareCatalog())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("create principal lakehouse_reader")
        .hasMessageContaining("409")
        .hasMessageNotContaining("polaris-secret");
  }

  @Test
  void aCreatedReaderWithoutCredentialsInTheAnswerFailsWithoutQuotingIt() {
    principalAnswer = "{\"principal\": {\"name\": \"lakehouse_reader\"}, \"secret\": \"stray-secret\"}";

    assertThatThrownBy(() -> new PolarisBootstrap(baseUri(), CREDENTIALS, "http://localhost:32771").prepareCatalog())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentials.clientSecret")
        .hasMessageNotContaining("stray-secret");
  }

  @Test
  void aRefusalNamesTheStepAndPolarisAnswerButNoSecret() {
    grantStatus = 403;

    assertThatThrownBy(() -> new PolarisBootstrap(baseUri(), CREDENTIALS, "http://localhost:32771").prepareCatalog())
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
    } else if (path.endsWith("/principals")) {
      respond(exchange, principalStatus, principalAnswer);
    } else if (path.startsWith("/api/management/")) {
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
