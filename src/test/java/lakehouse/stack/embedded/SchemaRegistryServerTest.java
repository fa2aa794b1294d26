package lakehouse.stack.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import lakehouse.stack.redpanda.SchemaRegistryClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded stand-in answers the suite's client as a Confluent-compatible registry (Redpanda's) does. */
class SchemaRegistryServerTest {
  private static final String AVRO = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
  private static final String PROTO = "syntax = \"proto3\";\nmessage Order { int64 id = 1; }\n";
  private static SchemaRegistryServer server;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void start() throws Exception {
    server = SchemaRegistryServer.start();
    client = new SchemaRegistryClient(server.url());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theSameSchemaGetsTheSameIdUnderAnySubjectAndANewOneTheNext() {
    int orders = client.register("orders-value", "AVRO", AVRO);
    int again = client.register("orders-value", "AVRO", AVRO);
    int elsewhere = client.register("returns-value", "AVRO", AVRO);
    int proto = client.register("orders-proto-value", "PROTOBUF", PROTO);

    assertThat(again).isEqualTo(orders);
    assertThat(elsewhere).isEqualTo(orders);
    assertThat(proto).isNotEqualTo(orders);
  }

  @Test
  void aSchemaIsFoundByIdAndAsItsSubjectsLatestVersionWithItsType() {
    int v1 = client.register("books-value", "AVRO", AVRO.replace("Order", "Book"));
    int v2 = client.register("books-value", "PROTOBUF", PROTO.replace("Order", "Book"));

    assertThat(client.schema(v1)).isEqualTo(new SchemaRegistryClient.Registered(v1, "AVRO", AVRO.replace("Order", "Book")));
    assertThat(client.latest("books-value"))
        .isEqualTo(new SchemaRegistryClient.Registered(v2, "PROTOBUF", PROTO.replace("Order", "Book")));
  }

  @Test
  void anUnknownIdOrSubjectIsANotFoundWithConfluentsErrorCode() throws Exception {
    assertThatThrownBy(() -> client.schema(424242)).hasMessageContaining("404").hasMessageContaining("40403");
    assertThatThrownBy(() -> client.latest("nobody-value")).hasMessageContaining("404").hasMessageContaining("40401");
  }

  @Test
  void aSubjectsCompatibilityLevelIsAcceptedAsRedpandasRegistryAcceptsIt() {
    client.register("people-value", "AVRO", AVRO.replace("Order", "Person"));

    client.setCompatibility("people-value", "NONE");
  }

  @Test
  void avroIsTheDefaultTypeAndIsNotNamedInAnswers() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int id = client.register("plain-value", "{\"schema\":\"\\\"string\\\"\"}");

    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/schemas/ids/" + id)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.body()).isEqualTo("{\"schema\":\"\\\"string\\\"\"}");
    assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).contains("\"plain-value\"");
  }
}
