package lakehouse.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.Test;

/** What the preflight refuses before any stack starts, and how it says so. */
class PreflightTest {

  @Test
  void everyWrongSettingIsListedInOneErrorBenchmarkSettingsIncluded() {
    Settings settings = new Settings(Map.of(
        "lakehouse.trades", "ten",
        "lakehouse.benchmark.sizes", "10000,lots",
        "lakehouse.pypi.index-url", "not a url"), Map.of());

    assertThatThrownBy(() -> Preflight.run(settings, false))
        .isInstanceOf(PreflightFailure.class)
        .hasMessageStartingWith("preflight: 3 settings are wrong:")
        .hasMessageContaining("lakehouse.trades=ten is not a whole number above 0")
        .hasMessageContaining("lakehouse.benchmark.sizes must list whole numbers above 0, such as 10000,100000; got 'lots'")
        .hasMessageContaining("lakehouse.pypi.index-url (LAKEHOUSE_PYPI_INDEX_URL)=not a url is not an http(s) URL");
  }

  @Test
  void anExternalStackWithMissingSettingsFailsBeforeAnythingIsReached() {
    assertThatThrownBy(() -> Preflight.run(new Settings(Map.of("lakehouse.stack", "external"), Map.of()), false))
        .hasMessageContaining("lakehouse.stack=external needs these settings, missing: lakehouse.kafka.bootstrap-servers");
  }

  @Test
  void everyUnreachableExternalEndpointIsNamedWithItsSettingAddressAndWhatAnswered() throws Exception {
    int closed = closedPort();
    HttpServer notConnect = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    notConnect.createContext("/", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    notConnect.start();
    try {
      Map<String, String> external = new HashMap<>();
      external.put("lakehouse.stack", "external");
      external.put("lakehouse.kafka.bootstrap-servers", "127.0.0.1:" + closed);
      external.put("lakehouse.connect.url", "http://127.0.0.1:" + notConnect.getAddress().getPort());
      external.put("lakehouse.catalog.uri", "http://127.0.0.1:" + closed + "/api/catalog");
      external.put("lakehouse.catalog.client-id", "spec");
      external.put("lakehouse.s3.endpoint", "http://no-such-host.invalid:9000");
      external.put("lakehouse.s3.access-key", "key");
      Map<String, String> secrets = Map.of("LAKEHOUSE_CATALOG_CLIENT_SECRET", "s3cret-value", "LAKEHOUSE_S3_SECRET_KEY", "other-s3cret");

      assertThatThrownBy(() -> Preflight.run(new Settings(external, secrets), false))
          .isInstanceOf(PreflightFailure.class)
          .hasMessageStartingWith("preflight: the external stack cannot be reached:")
          .hasMessageContaining("lakehouse.kafka.bootstrap-servers=127.0.0.1:" + closed + ": 127.0.0.1:" + closed + " connection refused")
          .hasMessageContaining("lakehouse.connect.url=http://127.0.0.1:" + notConnect.getAddress().getPort() + ": answered HTTP 404 to GET /")
          .hasMessageContaining("lakehouse.catalog.uri=http://127.0.0.1:" + closed + "/api/catalog (token from lakehouse.catalog.token-uri=http://127.0.0.1:"
              + closed + "/api/catalog/v1/oauth/tokens): the token request to http://127.0.0.1:" + closed + "/api/catalog/v1/oauth/tokens failed: connection refused")
          .hasMessageContaining("lakehouse.s3.endpoint=http://no-such-host.invalid:9000: unknown host")
          .hasMessageNotContaining("s3cret");
    } finally {
      notConnect.stop(0);
    }
  }

  @Test
  void aKafkaPortThatAcceptsButNeverAnswersIsToldApartFromAClosedOne() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String failure = EndpointProbes.kafka(new lakehouse.stack.Endpoints.Kafka("127.0.0.1:" + silent.getLocalPort(), Map.of()),
          java.time.Duration.ofSeconds(1));

      assertThat(failure).startsWith("accepted a TCP connection but sent no Kafka metadata within 1 s")
          .contains("lakehouse.kafka.security-protocol");
    }
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
