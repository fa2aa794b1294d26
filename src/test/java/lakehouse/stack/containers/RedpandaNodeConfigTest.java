package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedpandaNodeConfigTest {
  private final String yaml = RedpandaNodeConfig.yaml("localhost", 32768);

  @Test
  void startsWithTheMarkerTestcontainersEntrypointWaitsFor() {
    assertThat(yaml.lines().findFirst()).hasValue("# Injected by testcontainers");
  }

  @Test
  void advertisesTheKafkaApiAtTheHostMappedPort() throws Exception {
    JsonNode advertised = parsed().path("redpanda").path("advertised_kafka_api");

    assertThat(advertised.get(0).path("name").asText()).isEqualTo("external");
    assertThat(advertised.get(0).path("address").asText()).isEqualTo("localhost");
    assertThat(advertised.get(0).path("port").asInt()).isEqualTo(32768);
    assertThat(parsed().path("redpanda").path("kafka_api").get(0).path("port").asInt()).isEqualTo(9092);
  }

  @Test
  void advertisesAListenerForOtherContainersAtRedpandasNetworkAlias() throws Exception {
    JsonNode redpanda = parsed().path("redpanda");

    assertThat(redpanda.path("kafka_api").get(2).path("name").asText()).isEqualTo("network");
    assertThat(redpanda.path("kafka_api").get(2).path("port").asInt()).isEqualTo(29092);
    assertThat(redpanda.path("advertised_kafka_api").get(2).path("name").asText()).isEqualTo("network");
    assertThat(redpanda.path("advertised_kafka_api").get(2).path("address").asText()).isEqualTo("redpanda");
    assertThat(redpanda.path("advertised_kafka_api").get(2).path("port").asInt()).isEqualTo(29092);
  }

  @Test
  void servesTheSchemaRegistryOn8081() throws Exception {
    assertThat(parsed().path("schema_registry").path("schema_registry_api").get(0).path("port").asInt()).isEqualTo(8081);
  }

  @Test
  void everyBrokerKeyIsARedpanda25Point3BrokerProperty() throws Exception {
    Map<String, String> scopes = ReferenceContracts.redpandaPropertyScopes();
    List<String> keys = new ArrayList<>();
    for (String section : List.of("redpanda", "schema_registry", "schema_registry_client", "pandaproxy",
        "pandaproxy_client")) {
      parsed().path(section).fieldNames().forEachRemaining(keys::add);
    }

    assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(scopes.get(key))
        .as("scope of %s in the v25.3.11 contract", key).isEqualTo("broker"));
  }

  private JsonNode parsed() throws Exception {
    return new YAMLMapper().readTree(yaml);
  }
}
