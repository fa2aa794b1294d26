package lakehouse.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import lakehouse.schema.WireFormat;
import lakehouse.stack.embedded.SchemaRegistryServer;
import lakehouse.stack.redpanda.SchemaRegistryClient;
import org.apache.iceberg.types.Types;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Schema Registry modes as Redpanda reads them (docs/redpanda-contract.md §11–12), against the embedded registry. */
class SchemaRegistryConverterTest {
  private static final String ORDER = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
      + "\"properties\":{\"id\":{\"type\":\"integer\"},\"item\":{\"type\":\"string\"}}}";
  private static SchemaRegistryServer registry;
  private static int orderId;

  @BeforeAll
  static void start() throws Exception {
    registry = SchemaRegistryServer.start();
    orderId = new SchemaRegistryClient(registry.url()).register("orders-value", "JSON", ORDER);
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
  }

  @Test
  void aPrefixedValueIsReadWithTheSchemaItsIdNamesAndCarriesItsColumns() {
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) converter("value_schema_id_prefix", registry.url())
        .toConnectData("orders", WireFormat.encode(orderId, json("{\"id\": 5, \"item\": \"pen\"}"))).value();

    assertThat(row).containsEntry("id", 5L).containsEntry("item", "pen");
    assertThat(row.get(TableAtFirstRecord.VALUE_TYPE_KEY)).isInstanceOfSatisfying(Types.StructType.class,
        columns -> assertThat(columns.fields()).extracting(Types.NestedField::name).containsExactly("id", "item"));
  }

  @Test
  void aBareValueIsReadWithTheSubjectsLatestSchema() {
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) converter("value_schema_latest", registry.url())
        .toConnectData("orders", json("{\"id\": 6}")).value();

    assertThat(row).containsEntry("id", 6L).containsEntry("item", null);
  }

  @Test
  void anUnknownIdAShortValueAMissingMagicByteAndATombstoneAreDeadLetters() {
    var converter = converter("value_schema_id_prefix", registry.url());

    // record_multiplexer.cc: "Schema ID {} not in registry"; get_value_schema_id: not_enough_bytes, no_schema_id
    assertThatThrownBy(() -> converter.toConnectData("orders", WireFormat.encode(424242, json("{}"))))
        .isInstanceOf(DataException.class).hasMessageContaining("Schema ID 424242 not in registry");
    assertThatThrownBy(() -> converter.toConnectData("orders", new byte[] {0, 0, 1}))
        .isInstanceOf(DataException.class).hasMessageContaining("not_enough_bytes");
    assertThatThrownBy(() -> converter.toConnectData("orders", json("{\"id\": 1}")))
        .isInstanceOf(DataException.class).hasMessageContaining("no_schema_id");
    assertThatThrownBy(() -> converter.toConnectData("orders", null))
        .isInstanceOf(DataException.class).hasMessageContaining("tombstone");
  }

  @Test
  void aRegistryThatDoesNotAnswerPausesTranslation() {
    // record_multiplexer.cc do_multiplex: registry_error pauses; nothing is dead-lettered
    var converter = converter("value_schema_id_prefix", "http://127.0.0.1:1");

    assertThatThrownBy(() -> converter.toConnectData("orders", WireFormat.encode(orderId, json("{}"))))
        .isInstanceOf(RetriableException.class);
  }

  @Test
  void aProtobufNameTheLatestSchemaDoesNotHavePausesTranslation() throws Exception {
    // record_schema_resolver.cc compute_message_offsets: invalid_config; record_multiplexer.cc: it pauses
    new SchemaRegistryClient(registry.url()).register("people-value", "PROTOBUF",
        "syntax = \"proto3\";\nmessage Address { string city = 1; }\nmessage Person { string name = 1; }\n");
    var person = protobufConverter("Person");
    var missing = protobufConverter("Missing");

    assertThat(person.toConnectData("people", new byte[] {0x0a, 0x01, 0x78}).value())
        .isInstanceOfSatisfying(Map.class, row -> assertThat(row).containsEntry("name", "x"));
    assertThatThrownBy(() -> missing.toConnectData("people", new byte[] {0x0a, 0x01, 0x78}))
        .isInstanceOf(RetriableException.class).hasMessageContaining("no message named 'Missing'");
  }

  private static SchemaRegistryConverter protobufConverter(String protobufName) {
    SchemaRegistryConverter converter = new SchemaRegistryConverter();
    converter.configure(Map.of(SchemaRegistryConverter.MODE_CONFIG, "value_schema_latest",
        SchemaRegistryConverter.REGISTRY_URL_CONFIG, registry.url(), SchemaRegistryConverter.SUBJECT_CONFIG, "people-value",
        SchemaRegistryConverter.PROTOBUF_NAME_CONFIG, protobufName), false);
    return converter;
  }

  private static SchemaRegistryConverter converter(String mode, String url) {
    SchemaRegistryConverter converter = new SchemaRegistryConverter();
    converter.configure(Map.of(SchemaRegistryConverter.MODE_CONFIG, mode, SchemaRegistryConverter.REGISTRY_URL_CONFIG, url,
        SchemaRegistryConverter.SUBJECT_CONFIG, "orders-value"), false);
    return converter;
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
