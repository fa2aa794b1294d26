package lakehouse.stack.redpanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests against a stand-in that answers like Redpanda's Schema Registry. */
class SchemaRegistryClientTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile int status = 200;

  @BeforeEach
  void startStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
          + exchange.getRequestHeaders().getFirst("Content-Type") + " "
          + exchange.getRequestHeaders().getFirst("Authorization") + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = (status == 200 ? "{\"id\":7}" : "{\"error_code\":42201,\"message\":\"Invalid schema\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopStandIn() {
    server.stop(0);
  }

  @Test
  void postsTheSchemaToTheSubjectsVersionsAndReturnsItsId() {
    int id = new SchemaRegistryClient(url("")).register("trades-value", "{\"schemaType\":\"JSON\",\"schema\":\"{}\"}");

    assertThat(id).isEqualTo(7);
    assertThat(requests).containsExactly("POST /subjects/trades-value/versions application/vnd.schemaregistry.v1+json"
        + " null {\"schemaType\":\"JSON\",\"schema\":\"{}\"}");
  }

  @Test
  void credentialsInTheUrlBecomeBasicAuthentication() {
    new SchemaRegistryClient(url("alice:s3cret@")).register("trades-value", "{}");

    String basic = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    assertThat(requests).singleElement().asString().contains(" " + basic + " ");
    assertThat(new SchemaRegistryClient(url("alice:s3cret@")).toString()).doesNotContain("s3cret");
  }

  @Test
  void aRefusedSchemaFailsWithTheRegistrysMessage() {
    status = 422;

    assertThatThrownBy(() -> new SchemaRegistryClient(url("")).register("trades-value", "{}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("trades-value")
        .hasMessageContaining("422")
        .hasMessageContaining("Invalid schema");
  }

  private String url(String userInfo) {
    return "http://" + userInfo + "127.0.0.1:" + server.getAddress().getPort();
  }
}
