package lakehouse.stack.redpanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.JsonValueSchema;
import lakehouse.schema.protobuf.ProtobufSchema;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.containers.ReferenceContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedpandaIcebergTopicsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSchemaIsRegisteredUnderTheTopicNameStrategySubject() {
    assertThat(RedpandaIcebergTopics.subject("trades")).isEqualTo("trades-value");
  }

  @Test
  void theRegistrationIsAJsonSchemaDeclaringDraft07() throws Exception {
    JsonSchema trades = JsonSchema.fromResource("schemas/trades.schema.json");

    JsonNode request = JSON.readTree(RedpandaIcebergTopics.schemaRegistryRequest(trades));

    assertThat(request.path("schemaType").asText()).isEqualTo("JSON");
    assertThat(request.path("schema").asText()).isEqualTo(trades.text());
    assertThat(JSON.readTree(request.path("schema").asText()).path("$schema").asText())
        .isEqualTo("http://json-schema.org/draft-07/schema#");
  }

  @Test
  void aSchemaWithoutDialectIsRefusedNotCorrected() {
    JsonSchema undeclared = JsonSchema.parse("{\"type\": \"object\", \"properties\": {\"symbol\": {\"type\": \"string\"}}}");

    assertThatThrownBy(() -> RedpandaIcebergTopics.schemaRegistryRequest(undeclared))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Schema dialect is not set")
        .hasMessageContaining("\"$schema\": \"http://json-schema.org/draft-07/schema#\"");
  }

  @Test
  void aSchemaOfAnotherDialectIsRefusedBeforeRedpandaSendsItsRecordsToTheDlq() {
    JsonSchema draft2020 = JsonSchema.parse("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
        + " \"type\": \"object\", \"properties\": {\"symbol\": {\"type\": \"string\"}}}");

    assertThatThrownBy(() -> RedpandaIcebergTopics.schemaRegistryRequest(draft2020))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("draft-07");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://json-schema.org/draft-07/schema#",
      "http://json-schema.org/draft-07/schema",
      "https://json-schema.org/draft-07/schema",
      "http://json-schema.org/draft-07/schema#/",
      "http://json-schema.org/draft-06/schema#"})
  void onlyTheExactDraft07IdentifierIsAcceptedBecauseRedpandaMatchesItExactly(String dialect) {
    JsonSchema almost = JsonSchema.parse("{\"$schema\": \"" + dialect + "\","
        + " \"type\": \"object\", \"properties\": {\"symbol\": {\"type\": \"string\"}}}");

    assertThatThrownBy(() -> RedpandaIcebergTopics.draft07Text(almost))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(dialect)
        .hasMessageContaining("\"$schema\": \"http://json-schema.org/draft-07/schema#\"");
  }

  @Test
  void theExactDraft07IdentifierIsKeptAsWritten() {
    String declared = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", "
        + "\"type\": \"object\", \"properties\": {\"symbol\": {\"type\": \"string\"}}}";

    assertThat(RedpandaIcebergTopics.draft07Text(JsonSchema.parse(declared))).isEqualTo(declared);
  }

  @Test
  void theTopicTranslatesWithTheLatestValueSchemaAndTheClustersDefaultsUnlessItSaysOtherwise() {
    IcebergTopic trades = IcebergTopic.of("trades", JsonSchema.fromResource("schemas/trades.schema.json"));

    assertThat(RedpandaIcebergTopics.topicConfigs(trades, Optional.empty()))
        .containsExactly(Map.entry("redpanda.iceberg.mode", "value_schema_latest"));
    assertThat(RedpandaIcebergTopics.topicConfigs(trades, Optional.of(Duration.ofSeconds(15))))
        .containsEntry("redpanda.iceberg.target.lag.ms", "15000");
    assertThat(RedpandaIcebergTopics.topicConfigs(trades.withPartitionSpec("(symbol)")
        .withInvalidRecords(IcebergTopic.InvalidRecordAction.DROP), Optional.empty()))
        .containsEntry("redpanda.iceberg.partition.spec", "(symbol)")
        .containsEntry("redpanda.iceberg.invalid.record.action", "drop");
  }

  @Test
  void theModeIsTheTopicsOwnAndAJsonSchemaInTheWireFormatIsRegisteredAsJson() throws Exception {
    JsonSchema trades = JsonSchema.fromResource("schemas/trades.schema.json");
    IcebergTopic prefixed = IcebergTopic.of("trades", IcebergTopic.Mode.VALUE_SCHEMA_ID_PREFIX, new JsonValueSchema(trades));

    // model.cc operator>>(iceberg_mode): key_value, value_schema_id_prefix, value_schema_latest
    assertThat(RedpandaIcebergTopics.topicConfigs(IcebergTopic.keyValue("raw"), Optional.empty()))
        .containsExactly(Map.entry("redpanda.iceberg.mode", "key_value"));
    assertThat(RedpandaIcebergTopics.topicConfigs(prefixed, Optional.empty()))
        .containsExactly(Map.entry("redpanda.iceberg.mode", "value_schema_id_prefix"));
    JsonNode request = JSON.readTree(RedpandaIcebergTopics.schemaRegistryRequest(prefixed.schema()));
    assertThat(request.path("schemaType").asText()).isEqualTo("JSON");
    assertThat(request.path("schema").asText()).isEqualTo(trades.text());
  }

  @Test
  void aProtobufTopicMayNameItsMessageInTheModeProperty() throws Exception {
    // model.cc parse_config_options: value_schema_latest:protobuf_name=<full name> (contract 12.1, 12.3)
    ProtobufSchema file = ProtobufSchema.parse("syntax = \"proto3\";\npackage shop.v1;\n"
        + "message Order { int64 id = 1; }\nmessage Refund { int64 id = 1; }\n");
    IcebergTopic refunds = IcebergTopic.of("refunds", IcebergTopic.Mode.VALUE_SCHEMA_LATEST, file.message("shop.v1.Refund"))
        .withProtobufName("shop.v1.Refund");

    assertThat(RedpandaIcebergTopics.topicConfigs(refunds, Optional.empty()))
        .containsExactly(Map.entry("redpanda.iceberg.mode", "value_schema_latest:protobuf_name=shop.v1.Refund"));
    JsonNode request = JSON.readTree(RedpandaIcebergTopics.schemaRegistryRequest(refunds.schema()));
    assertThat(request.path("schemaType").asText()).isEqualTo("PROTOBUF");
    assertThat(request.path("schema").asText()).as("the whole file, as written").isEqualTo(file.text());
  }

  @Test
  void everyTopicConfigIsARedpanda25Point3TopicProperty() {
    Map<String, String> scopes = ReferenceContracts.redpandaPropertyScopes();
    IcebergTopic everything = IcebergTopic.of("t", JsonSchema.fromResource("schemas/trades.schema.json"))
        .withPartitionSpec("(symbol)").withInvalidRecords(IcebergTopic.InvalidRecordAction.DROP);

    assertThat(RedpandaIcebergTopics.topicConfigs(everything, Optional.of(Duration.ofSeconds(15))).keySet())
        .allSatisfy(key -> assertThat(scopes.get(key)).as("scope of %s in the v25.3.11 contract", key)
            .isEqualTo("topic"));
  }

  @Test
  void theSchemaCacheTtlIsARedpanda25Point3ClusterPropertyWithTheDocumentedDefault() {
    assertThat(ReferenceContracts.redpandaPropertyScopes().get(RedpandaIcebergTopics.SCHEMA_CACHE_TTL)).isEqualTo("cluster");
    assertThat(RedpandaIcebergTopics.DEFAULT_SCHEMA_CACHE_TTL).isEqualTo(Duration.ofMinutes(5));
  }
}
