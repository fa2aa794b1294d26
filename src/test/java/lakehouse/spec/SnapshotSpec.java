package lakehouse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import lakehouse.CatalogHandle;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.ValueFormat;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Stage 2: the Iceberg topic commits the trades as a snapshot of {@code redpanda.trades}, shaped as
 * Redpanda 25.3 shapes it (docs/redpanda-contract.md §2, §4).
 */
@LakehouseSpec
@Order(2)
class SnapshotSpec {

  @Test
  @Order(1)
  void theCurrentSnapshotHoldsEveryTrade(Pipeline pipeline, CatalogHandle catalog) throws Exception {
    long committed = pipeline.tradesSnapshot();

    assertThat(committed).as("total-records of the current snapshot").isEqualTo(pipeline.ingest().trades().size());
    assertThat(catalog.committedRecordCount(pipeline.tradesTopic())).as("re-read from the catalog").isEqualTo(committed);
  }

  @Test
  @Order(2)
  void columnsHaveTheTypesRedpandaDerivesFromTheSchemaInItsOrder(Pipeline pipeline, CatalogHandle catalog)
      throws Exception {
    pipeline.tradesSnapshot();
    Schema schema = catalog.table(pipeline.tradesTopic()).schema();

    if (pipeline.format() == ValueFormat.JSON) {
      assertThat(schema.columns()).extracting(Types.NestedField::name)
          .as("the redpanda struct, then the value's columns sorted by name (ir_json.cc)")
          .containsExactly("redpanda", "notes", "price", "qty", "side", "symbol", "trade_id", "ts_event");
    } else {
      assertThat(schema.columns()).extracting(Types.NestedField::name)
          .as("the redpanda struct, then the fields in the schema's order (schema_avro.cc, schema_protobuf.cc)")
          .containsExactly("redpanda", "trade_id", "symbol", "price", "qty", "side", "ts_event", "notes");
    }
    assertThat(typeOf(schema, "trade_id")).isEqualTo(Types.StringType.get());
    assertThat(typeOf(schema, "symbol")).isEqualTo(Types.StringType.get());
    assertThat(typeOf(schema, "price")).as("number").isEqualTo(Types.DoubleType.get());
    assertThat(typeOf(schema, "qty")).as("integer").isEqualTo(Types.LongType.get());
    assertThat(typeOf(schema, "side")).isEqualTo(Types.StringType.get());
    assertThat(typeOf(schema, "ts_event")).as("date-time, timestamp-micros or google.protobuf.Timestamp")
        .isEqualTo(Types.TimestampType.withZone());
    assertThat(typeOf(schema, "notes")).isEqualTo(Types.StringType.get());
    assertThat(schema.columns()).as("every column is optional; required is ignored").allMatch(Types.NestedField::isOptional);
  }

  /** table_definition.cc, schemaless_struct_type: six fields, all optional, in this order. */
  @Test
  @Order(3)
  void theRedpandaStructHasItsSixFieldsWithRedpandasTypes(Pipeline pipeline, CatalogHandle catalog) throws Exception {
    pipeline.tradesSnapshot();
    Schema schema = catalog.table(pipeline.tradesTopic()).schema();

    assertThat(schema.findField("redpanda").type().asStructType().fields()).extracting(Types.NestedField::name)
        .containsExactly("partition", "offset", "timestamp", "headers", "key", "timestamp_type");
    assertThat(typeOf(schema, "redpanda.partition")).isEqualTo(Types.IntegerType.get());
    assertThat(typeOf(schema, "redpanda.offset")).isEqualTo(Types.LongType.get());
    assertThat(typeOf(schema, "redpanda.timestamp")).isEqualTo(Types.TimestampType.withZone());
    assertThat(typeOf(schema, "redpanda.headers").isListType()).isTrue();
    Types.StructType header = typeOf(schema, "redpanda.headers").asListType().elementType().asStructType();
    assertThat(header.field("key").type()).isEqualTo(Types.StringType.get());
    assertThat(header.field("value").type()).isEqualTo(Types.BinaryType.get());
    assertThat(typeOf(schema, "redpanda.key")).isEqualTo(Types.BinaryType.get());
    assertThat(typeOf(schema, "redpanda.timestamp_type")).isEqualTo(Types.IntegerType.get());
  }

  /** iceberg_default_partition_spec, (hour(redpanda.timestamp)) in 25.3 (redpanda-properties-v25.3.11). */
  @Test
  @Order(4)
  void theTableIsPartitionedByTheHourOfTheRecordTimestamp(Pipeline pipeline, CatalogHandle catalog) throws Exception {
    pipeline.tradesSnapshot();
    Table table = catalog.table(pipeline.tradesTopic());

    assertThat(table.spec().fields()).singleElement().satisfies(field -> {
      assertThat(field.transform().toString()).isEqualTo("hour");
      assertThat(table.schema().findColumnName(field.sourceId())).isEqualTo("redpanda.timestamp");
    });
  }

  /** "version 2 of the Iceberg table format" (about-iceberg-topics.adoc). */
  @Test
  @Order(5)
  void theTableIsIcebergFormatVersion2(Pipeline pipeline, CatalogHandle catalog) throws Exception {
    pipeline.tradesSnapshot();

    assertThat(org.apache.iceberg.TableUtil.formatVersion(catalog.table(pipeline.tradesTopic()))).isEqualTo(2);
  }

  /** The dead-letter table appears at the first invalid record (record_multiplexer.cc, handle_invalid_record). */
  @Test
  @Order(6)
  void noDeadLetterTableExistsWhileEveryRecordWasValid(Pipeline pipeline, CatalogHandle catalog) throws Exception {
    pipeline.tradesSnapshot();

    assertThat(catalog.tableExists(IcebergTypes.deadLetterTable(pipeline.tradesTopic())))
        .as("%s exists", IcebergTypes.deadLetterTable(pipeline.tradesTopic())).isFalse();
  }

  private static org.apache.iceberg.types.Type typeOf(Schema schema, String column) {
    Types.NestedField field = schema.findField(column);
    assertThat(field).as("column %s", column).isNotNull();
    return field.type();
  }
}
