package lakehouse.stack.redpanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a stand-in answering {@code GET /v1/brokers} in the shape of Redpanda's
 * {@code admin/api-doc/broker.json}: an array of brokers, each with {@code node_id} and the
 * {@code version} text of {@code redpanda_version()} ({@code "<tag> - <git sha>"}).
 */
class RedpandaAdminApiTest {
  private static final String KEY = "lakehouse.redpanda.admin-url";

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile String brokers = "[]";

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
  void aClusterOf25Point3BrokersIsAcceptedAndDescribed() {
    brokers = "[" + broker(0, "v25.3.11 - 6a4f0c9e1b2d3a4f5e6c7b8a9d0e1f2a3b4c5d6e") + ","
        + broker(1, "v26.1.2 - 0123456789abcdef0123456789abcdef01234567") + "]";

    String found = new RedpandaAdminApi(url(""), KEY).requireSupportedBrokers();

    assertThat(found).contains("broker 0 v25.3.11 - 6a4f0c9e", "broker 1 v26.1.2", "25.3 or newer");
    assertThat(requests).containsExactly("GET /v1/brokers null");
  }

  @Test
  void oneBrokerOlderThan25Point3RefusesTheClusterNamingItsVersionTheMinimumAndWhy() {
    brokers = "[" + broker(0, "v25.3.11 - 6a4f0c9e") + "," + broker(1, "v25.2.9 - 2f1e0d9c") + "]";

    assertThatThrownBy(() -> new RedpandaAdminApi(url(""), KEY).requireSupportedBrokers())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broker 1 (from lakehouse.redpanda.admin-url) is Redpanda v25.2.9 - 2f1e0d9c")
        .hasMessageContaining("minimum 25.3")
        .hasMessageContaining("timestamp_type")
        .hasMessageContaining("#27413");
  }

  @Test
  void aVersionThatNamesNoReleaseIsReportedNotRefused() {
    brokers = "[" + broker(0, "dev - 6a4f0c9e") + "]";

    assertThat(new RedpandaAdminApi(url(""), KEY).requireSupportedBrokers())
        .contains("broker 0 dev - 6a4f0c9e (names no release, so it was not checked)");
  }

  @Test
  void aBrokerMissingFromTheHealthReportHasNoVersionAndIsLeftOut() {
    brokers = "[{\"node_id\": 3, \"num_cores\": 1, \"membership_status\": \"active\", \"is_alive\": false}]";

    assertThat(new RedpandaAdminApi(url(""), KEY).brokerVersions()).isEmpty();
    assertThat(new RedpandaAdminApi(url(""), KEY).requireSupportedBrokers()).contains("not checked");
  }

  @Test
  void credentialsInTheUrlBecomeBasicAuthenticationAndAPathPrefixIsKept() {
    brokers = "[" + broker(0, "v25.3.11 - abc") + "]";
    String base = "http://admin:s3cret@" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();

    new RedpandaAdminApi(base + "/redpanda/", KEY).brokerVersions();

    assertThat(requests).containsExactly("GET /redpanda/v1/brokers Basic YWRtaW46czNjcmV0");
    assertThat(new RedpandaAdminApi(base, KEY).toString()).doesNotContain("s3cret");
  }

  @Test
  void anAdminApiThatDoesNotAnswerFailsNamingTheSetting() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> new RedpandaAdminApi("http://127.0.0.1:" + closedPort, KEY).brokerVersions())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not answer")
        .hasMessageContaining(KEY);
  }

  @Test
  void anAnswerThatIsNotABrokerListFailsAskingWhetherItIsTheAdminApi() {
    brokers = "{\"subjects\": []}";

    assertThatThrownBy(() -> new RedpandaAdminApi(url(""), KEY).brokerVersions())
        .hasMessageContaining("not an array of brokers")
        .hasMessageContaining(KEY);
  }

  private static String broker(long node, String version) {
    return "{\"node_id\": " + node + ", \"num_cores\": 1, \"membership_status\": \"active\", \"is_alive\": true,"
        + " \"version\": \"" + version + "\", \"internal_rpc_address\": \"redpanda-" + node + "\","
        + " \"internal_rpc_port\": 33145, \"disk_space\": [], \"maintenance_status\": {\"draining\": false}}";
  }

  private String url(String path) {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path;
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
        + exchange.getRequestHeaders().getFirst("Authorization"));
    byte[] body = exchange.getRequestURI().getPath().endsWith("/v1/brokers")
        ? brokers.getBytes(StandardCharsets.UTF_8) : "{}".getBytes(StandardCharsets.UTF_8);
    int status = exchange.getRequestURI().getPath().endsWith("/v1/brokers") ? 200 : 404;
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
