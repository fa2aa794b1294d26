package lakehouse.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import lakehouse.Lakehouse;
import lakehouse.junit.ConcurrentTests;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Produced;
import lakehouse.pipeline.Producing;
import lakehouse.pipeline.Visibility;
import lakehouse.progress.Elapse;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.RunSettings;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestFactory;

/**
 * A new schema version that adds an optional property adds an optional column; rows written before it
 * read NULL there, and the snapshot taken before it still reads exactly the earlier rows
 * (docs/redpanda-contract.md §7: about-iceberg-topics.adoc, "Schema evolution"; schema_evolution_test.py).
 */
@LakehouseSpec
@Order(11)
class SchemaEvolutionSpec {
  private static final int EACH = 5;
  private static final JsonSchema V1 = JsonSchema.parse("""
      {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
       "properties": {"id": {"type": "integer"}, "symbol": {"type": "string"}}}""");
  private static final JsonSchema V2 = JsonSchema.parse("""
      {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
       "properties": {"id": {"type": "integer"}, "symbol": {"type": "string"}, "broker": {"type": "string"}}}""");

  private static final JsonSchema STRING_ID = JsonSchema.parse("""
      {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
       "properties": {"id": {"type": "string"}, "symbol": {"type": "string"}}}""");

  /** Both at the same time: two topics of their own, and each mostly waits for commits. */
  @TestFactory
  List<DynamicTest> aNewPropertyAndAnIncompatibleType(Lakehouse lakehouse, RunSettings settings) {
    return ConcurrentTests.of(List.of(
        Named.of("a new optional property becomes a column that earlier rows read as NULL",
            () -> aNewOptionalPropertyBecomesAColumnThatEarlierRowsReadAsNull(lakehouse, settings)),
        Named.of("an incompatible type change sends the records to the dead-letter table",
            () -> anIncompatibleTypeChangeSendsTheRecordsToTheDeadLetterTable(lakehouse, settings))));
  }

  private static void aNewOptionalPropertyBecomesAColumnThatEarlierRowsReadAsNull(Lakehouse lakehouse,
      RunSettings settings) throws Exception {
    String topic = lakehouse.topic("schema_evolution");
    long v1Snapshot = committedV1RowsThenEvolvedTo(V2, lakehouse, settings, topic);
    produce(lakehouse, topic, EACH + 1, id -> "{\"id\":" + id + ",\"symbol\":\"MSFT\",\"broker\":\"XNAS\"}");
    Visibility.awaitCommitted(lakehouse, settings, topic, 2 * EACH);
    Visibility.awaitVisibleInDuckDb(lakehouse, settings, topic, 2 * EACH);

    var schema = lakehouse.catalog().table(topic).schema();
    Types.NestedField broker = schema.findField("broker");
    assertThat(broker).as("column broker after v2").isNotNull();
    assertThat(broker.type()).isEqualTo(Types.StringType.get());
    assertThat(broker.isOptional()).isTrue();
    // 25.3 merges the new schema into the table's: a new column goes at the end, not at its sorted place
    // (docs/redpanda-contract.md 7.2 and 15.2; compatibility.cc merge_struct_types).
    assertThat(schema.columns()).extracting(Types.NestedField::name).containsExactly("redpanda", "id", "symbol", "broker");
    String table = lakehouse.duckdb().table(topic);
    assertThat(lakehouse.duckdb().query("SELECT id, coalesce(broker, 'NULL') FROM " + table + " ORDER BY id",
        rs -> rs.getLong(1) + " " + rs.getString(2)))
        .as("v1 rows read NULL in the new column, v2 rows their broker")
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * EACH)
            .mapToObj(id -> id + " " + (id <= EACH ? "NULL" : "XNAS")).toList());
    assertThat(lakehouse.duckdb().query("SELECT id FROM " + table + " AT (VERSION => " + v1Snapshot + ") ORDER BY id",
        rs -> rs.getLong(1)))
        .as("snapshot %s, taken before v2, read by DuckDB", v1Snapshot)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, EACH).mapToObj(id -> (long) id).toList());
    lakehouse.kafka().deleteIcebergTopic(topic);
  }

  /**
   * long to string is no promotion Iceberg allows (compatibility.cc), so Redpanda sends the records to
   * the dead-letter table (record_multiplexer.cc, incompatible_schema; schema_evolution_test.py,
   * illegal_promotion_int_to_string).
   */
  private static void anIncompatibleTypeChangeSendsTheRecordsToTheDeadLetterTable(Lakehouse lakehouse,
      RunSettings settings) throws Exception {
    String topic = lakehouse.topic("schema_incompatible");
    committedV1RowsThenEvolvedTo(STRING_ID, lakehouse, settings, topic);
    produce(lakehouse, topic, EACH + 1, id -> "{\"id\":\"" + id + "\",\"symbol\":\"MSFT\"}");
    Visibility.awaitCommitted(lakehouse, settings, IcebergTypes.deadLetterTable(topic), EACH);

    assertThat(lakehouse.catalog().committedRecordCount(topic)).as("rows of %s", topic).isEqualTo(EACH);
    assertThat(lakehouse.catalog().table(topic).schema().findType("id")).isEqualTo(Types.LongType.get());
    lakehouse.kafka().deleteIcebergTopic(topic);
  }

  /**
   * A one-partition topic with {@value #EACH} committed v1 rows, then {@code next} registered and the
   * stack's schema cache waited out; returns the snapshot that holds the v1 rows.
   */
  private static long committedV1RowsThenEvolvedTo(JsonSchema next, Lakehouse lakehouse, RunSettings settings,
      String topic) throws Exception {
    lakehouse.kafka().createIcebergTopic(IcebergTopic.of(topic, V1).withPartitions(1));
    produce(lakehouse, topic, 1, id -> "{\"id\":" + id + ",\"symbol\":\"AAPL\"}");
    Visibility.awaitCommitted(lakehouse, settings, topic, EACH);
    long v1Snapshot = lakehouse.catalog().table(topic).currentSnapshot().snapshotId();
    lakehouse.kafka().evolveSchema(topic, next);
    Elapse.of(lakehouse.kafka().schemaCacheTtl(), "the stack's schema cache (iceberg_latest_schema_cache_ttl_ms)");
    return v1Snapshot;
  }

  private static void produce(Lakehouse lakehouse, String topic, int firstId, java.util.function.IntFunction<String> json) {
    List<Integer> ids = IntStream.range(firstId, firstId + EACH).boxed().toList();
    Produced produced = Producing.sendAll(lakehouse.kafka(), topic, ids, id -> "id-" + id,
        id -> json.apply(id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(produced.failures()).as("failed sends to %s", topic).isEmpty();
  }
}
