package lakehouse.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import lakehouse.Lakehouse;
import lakehouse.junit.ConcurrentTests;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Message;
import lakehouse.pipeline.Produced;
import lakehouse.pipeline.Producing;
import lakehouse.pipeline.Visibility;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.ValueFormat;
import lakehouse.schema.ValueSchema;
import lakehouse.schema.WireFormat;
import lakehouse.schema.formats.ValueSchemas;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.RunSettings;
import lakehouse.stack.redpanda.RedpandaIcebergTopics;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestFactory;

/**
 * Schema evolution in the Schema Registry wire format, for Avro and Protobuf: each record is read with the version
 * its ID names, and the table follows (docs/redpanda-contract.md §15; catalog_schema_manager.cc ensure_table_schema,
 * merge_struct_types; compatibility.cc; ducktape schema_evolution_test.py, AVRO/PROTO3):
 * <ol>
 *   <li>a new field becomes a column at the end, which earlier rows read as NULL;</li>
 *   <li>a dropped field's column stays, and later rows read NULL there;</li>
 *   <li>int to long promotes the column;</li>
 *   <li>long to string is no promotion Iceberg allows: those records go to the dead-letter table.</li>
 * </ol>
 * The subject's compatibility is set to NONE first, as Redpanda's registry (BACKWARD by default) would refuse some
 * of these versions; what translation does with them is the point.
 */
@LakehouseSpec
@Order(11)
class WireFormatEvolutionSpec {
  private static final int EACH = 4;

  /** Avro and Protobuf at the same time: two topics of their own, and each mostly waits for commits. */
  @TestFactory
  List<DynamicTest> theTableFollowsEachWritersVersionAndRefusesAnIllegalPromotion(Lakehouse lakehouse,
      RunSettings settings) {
    return ConcurrentTests.of(Stream.of(ValueFormat.AVRO, ValueFormat.PROTOBUF)
        .map(format -> Named.<ConcurrentTests.Body>of(format.name(), () -> evolveIn(format, lakehouse, settings)))
        .toList());
  }

  private static void evolveIn(ValueFormat format, Lakehouse lakehouse, RunSettings settings) throws Exception {
    String topic = lakehouse.topic("evolution_" + format.settingValue());
    List<ValueSchema> versions = versions(format);
    lakehouse.kafka().createIcebergTopic(IcebergTopic.of(topic, IcebergTopic.Mode.VALUE_SCHEMA_ID_PREFIX,
        versions.get(0)).withPartitions(1));
    lakehouse.kafka().schemaRegistry().setCompatibility(RedpandaIcebergTopics.subject(topic), "NONE");

    produce(lakehouse, topic, format, versions.get(0), 1, id -> "{\"id\": " + id + ", \"name\": \"n" + id + "\"}");
    produce(lakehouse, topic, format, versions.get(1), 2,
        id -> "{\"id\": " + id + ", \"name\": \"n" + id + "\", \"email\": \"e" + id + "\"}");
    produce(lakehouse, topic, format, versions.get(2), 3, id -> "{\"id\": " + id + ", \"email\": \"e" + id + "\"}");
    produce(lakehouse, topic, format, versions.get(3), 4, id -> "{\"id\": " + id + ", \"email\": \"e" + id + "\"}");
    Visibility.awaitCommitted(lakehouse, settings, topic, 4 * EACH);
    produce(lakehouse, topic, format, versions.get(4), 5, id -> "{\"id\": \"" + id + "\", \"email\": \"e" + id + "\"}");
    Visibility.awaitCommitted(lakehouse, settings, IcebergTypes.deadLetterTable(topic), EACH);
    Visibility.awaitVisibleInDuckDb(lakehouse, settings, topic, 4 * EACH);

    var schema = lakehouse.catalog().table(topic).schema();
    assertThat(schema.columns()).extracting(Types.NestedField::name)
        .as("the table's order wins; a new field goes at the end").containsExactly("redpanda", "id", "name", "email");
    assertThat(schema.findType("id")).as("id after int → long, and not string").isEqualTo(Types.LongType.get());
    assertThat(lakehouse.duckdb().query("SELECT id, coalesce(name, 'NULL'), coalesce(email, 'NULL') FROM "
            + lakehouse.duckdb().table(topic) + " ORDER BY id", rs -> rs.getLong(1) + " " + rs.getString(2) + " "
            + rs.getString(3)))
        .as("v1 rows read NULL in email; v3 and v4 rows read NULL in the dropped name")
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 4 * EACH).mapToObj(id -> id + " "
            + (id <= 2 * EACH ? "n" + id : "NULL") + " " + (id <= EACH ? "NULL" : "e" + id)).toList());
    assertThat(lakehouse.catalog().committedRecordCount(IcebergTypes.deadLetterTable(topic)))
        .as("records written with id as a string").isEqualTo(EACH);
    lakehouse.kafka().deleteIcebergTopic(topic);
  }

  /** v1 {id int, name}; v2 adds email; v3 drops name; v4 makes id long; v5 makes id a string. */
  private static List<ValueSchema> versions(ValueFormat format) {
    List<String> texts = format == ValueFormat.AVRO ? List.of(
        avro("{\"name\": \"id\", \"type\": \"int\"}, {\"name\": \"name\", \"type\": \"string\"}"),
        avro("{\"name\": \"id\", \"type\": \"int\"}, {\"name\": \"name\", \"type\": \"string\"},"
            + " {\"name\": \"email\", \"type\": \"string\"}"),
        avro("{\"name\": \"id\", \"type\": \"int\"}, {\"name\": \"email\", \"type\": \"string\"}"),
        avro("{\"name\": \"id\", \"type\": \"long\"}, {\"name\": \"email\", \"type\": \"string\"}"),
        avro("{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"email\", \"type\": \"string\"}"))
        : List.of(
            proto("int32 id = 1; string name = 2;"),
            proto("int32 id = 1; string name = 2; string email = 3;"),
            proto("int32 id = 1; string email = 3;"),
            proto("int64 id = 1; string email = 3;"),
            proto("string id = 1; string email = 3;"));
    return texts.stream().map(text -> ValueSchemas.of(format, text, List.of(0), Optional.empty())).toList();
  }

  private static String avro(String fields) {
    return "{\"type\": \"record\", \"name\": \"Person\", \"fields\": [" + fields + "]}";
  }

  private static String proto(String fields) {
    return "syntax = \"proto3\";\nmessage Person { " + fields + " }\n";
  }

  /** {@value #EACH} records written with {@code version}, registered first; ids follow on from batch to batch. */
  private static void produce(Lakehouse lakehouse, String topic, ValueFormat format, ValueSchema version, int batch,
      java.util.function.IntFunction<String> text) {
    int id = lakehouse.kafka().registerSchema(topic, version);
    List<Integer> ids = IntStream.rangeClosed((batch - 1) * EACH + 1, batch * EACH).boxed().toList();
    Produced produced = Producing.sendAll(lakehouse.kafka(), topic, ids, n -> new Message(
        ("id-" + n).getBytes(StandardCharsets.UTF_8),
        WireFormat.encode(format, id, List.of(0), version.encode(text.apply(n))), java.util.Map.of()));
    assertThat(produced.failures()).as("failed sends to %s", topic).isEmpty();
  }
}
