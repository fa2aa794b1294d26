package lakehouse.stack.containers;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedpandaConsoleConfigTest {
  /**
   * Every key the file may hold, with where Redpanda Console v3.3.1 declares it (its {@code yaml} struct tags
   * under {@code backend/pkg/config/}). Console unmarshals its file with {@code ErrorUnused}, so an unknown
   * key stops it at start-up (config.go, {@code StrictConfigValidation}, default true).
   */
  private static final Map<String, String> CONSOLE_KEYS = Map.ofEntries(
      entry("kafka.brokers", "kafka.go"),
      entry("kafka.sasl.enabled", "kafka_sasl.go"),
      entry("kafka.sasl.mechanism", "kafka_sasl.go"),
      entry("kafka.sasl.username", "kafka_sasl.go"),
      entry("kafka.tls.enabled", "tls.go"),
      entry("schemaRegistry.enabled", "config.go (top level since v3), schema.go"),
      entry("schemaRegistry.urls", "schema.go"),
      entry("redpanda.adminApi.enabled", "redpanda.go, redpanda_admin_api.go"),
      entry("redpanda.adminApi.urls", "redpanda_admin_api.go"),
      entry("kafkaConnect.enabled", "kafka_connect.go"),
      entry("kafkaConnect.clusters[].name", "kafka_connect_cluster.go"),
      entry("kafkaConnect.clusters[].url", "kafka_connect_cluster.go"),
      // server.go squashes cloudhut/common's rest.Config; the keys as Redpanda's sample redpanda-console-config.yaml has them
      entry("server.listenAddress", "server.go (rest.Config)"),
      entry("server.listenPort", "server.go (rest.Config)"),
      entry("analytics.enabled", "analytics.go (since v3.2.0)"));

  private static final RedpandaConsoleConfig EVERYTHING = new RedpandaConsoleConfig(
      List.of("broker-1:9092", "broker-2:9092"),
      new RedpandaConsoleConfig.Sasl("SCRAM-SHA-256", "alice"),
      true,
      "https://registry.example:8081",
      "http://broker-1:9644",
      "http://127.0.0.1:8083",
      "127.0.0.1",
      List.of("a note for the reader"));

  @Test
  void insideTheStackNetworkConsoleReachesEveryRedpandaApiByItsNetworkAlias() throws Exception {
    JsonNode config = parse(RedpandaConsoleConfig.insideStackNetwork());

    assertThat(texts(config.path("kafka").path("brokers"))).containsExactly("redpanda:29092");
    assertThat(config.path("kafka").has("sasl")).isFalse();
    assertThat(config.path("schemaRegistry").path("enabled").asBoolean()).isTrue();
    assertThat(texts(config.path("schemaRegistry").path("urls"))).containsExactly("http://redpanda:8081");
    assertThat(config.path("redpanda").path("adminApi").path("enabled").asBoolean()).isTrue();
    assertThat(texts(config.path("redpanda").path("adminApi").path("urls"))).containsExactly("http://redpanda:9644");
    assertThat(config.has("kafkaConnect")).as("Redpanda writes Iceberg itself: no Kafka Connect").isFalse();
    assertThat(config.has("server")).as("Console's defaults: every interface, port 8080").isFalse();
    assertThat(config.path("analytics").path("enabled").asBoolean()).isFalse();
  }

  /** The broker Console reaches is the listener Redpanda advertises to the network under the same address. */
  @Test
  void theBrokerAddressIsTheOneRedpandaAdvertisesOnItsNetworkListener() throws Exception {
    JsonNode node = new YAMLMapper().readTree(RedpandaNodeConfig.yaml("localhost", 32768)).path("redpanda");
    List<String> advertised = new ArrayList<>();
    node.path("advertised_kafka_api").forEach(listener ->
        advertised.add(listener.path("address").asText() + ":" + listener.path("port").asInt()));

    assertThat(advertised).containsAll(RedpandaConsoleConfig.insideStackNetwork().brokers());
  }

  @Test
  void everyPartTheStackHasIsWrittenAndNoPassword() throws Exception {
    JsonNode config = parse(EVERYTHING);

    assertThat(texts(config.path("kafka").path("brokers"))).containsExactly("broker-1:9092", "broker-2:9092");
    assertThat(config.path("kafka").path("sasl").path("mechanism").asText()).isEqualTo("SCRAM-SHA-256");
    assertThat(config.path("kafka").path("sasl").path("username").asText()).isEqualTo("alice");
    assertThat(config.path("kafka").path("sasl").has("password")).isFalse();
    assertThat(EVERYTHING.yaml()).contains("KAFKA_SASL_PASSWORD");
    assertThat(config.path("kafka").path("tls").path("enabled").asBoolean()).isTrue();
    assertThat(config.path("kafkaConnect").path("clusters").get(0).path("url").asText()).isEqualTo("http://127.0.0.1:8083");
    assertThat(config.path("server").path("listenAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(config.path("server").path("listenPort").asInt()).isEqualTo(8080);
    assertThat(EVERYTHING.yaml()).contains("# a note for the reader\n");
  }

  @Test
  void everyKeyWrittenIsOneConsoleReads() throws Exception {
    for (RedpandaConsoleConfig config : List.of(EVERYTHING, RedpandaConsoleConfig.insideStackNetwork())) {
      assertThat(keyPaths(parse(config), "")).allSatisfy(key ->
          assertThat(CONSOLE_KEYS).as("a key Redpanda Console v3.3.1 reads").containsKey(key));
    }
  }

  @Test
  void aValueThatNeedsQuotingIsQuoted() throws Exception {
    RedpandaConsoleConfig config = new RedpandaConsoleConfig(List.of("host:9092"),
        new RedpandaConsoleConfig.Sasl("PLAIN", "user: \"#1\""), false, null, null, null, null, List.of());

    assertThat(parse(config).path("kafka").path("sasl").path("username").asText()).isEqualTo("user: \"#1\"");
  }

  @Test
  void consoleNeedsABroker() {
    assertThatThrownBy(() -> new RedpandaConsoleConfig(List.of(), null, false, null, null, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one broker");
  }

  private static JsonNode parse(RedpandaConsoleConfig config) throws Exception {
    return new YAMLMapper().readTree(config.yaml());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static List<String> keyPaths(JsonNode node, String prefix) {
    List<String> paths = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        paths.addAll(keyPaths(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey()));
      }
    } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
      node.forEach(item -> paths.addAll(keyPaths(item, prefix + "[]")));
    } else {
      paths.add(prefix);
    }
    return paths;
  }
}
