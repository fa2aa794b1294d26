package lakehouse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import lakehouse.CatalogHandle;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Stage 2: the Iceberg topic commits the trades as a snapshot of {@code redpanda.trades}, typed from the JSON Schema. */
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
  void columnsHaveTheTypesRedpandaDerivesFromTheJsonSchema(Pipeline pipeline, CatalogHandle catalog) throws Exception {
    pipeline.tradesSnapshot();
    Schema schema = catalog.table(pipeline.tradesTopic()).schema();

    assertThat(typeOf(schema, "trade_id")).isEqualTo(Types.StringType.get());
    assertThat(typeOf(schema, "symbol")).isEqualTo(Types.StringType.get());
    assertThat(typeOf(schema, "price")).as("number").isEqualTo(Types.DoubleType.get());
    assertThat(typeOf(schema, "qty")).as("integer").isEqualTo(Types.LongType.get());
    assertThat(typeOf(schema, "side")).isEqualTo(Types.StringType.get());
    assertThat(typeOf(schema, "ts_event")).as("string + format date-time").isEqualTo(Types.TimestampType.withZone());
    assertThat(typeOf(schema, "notes")).isEqualTo(Types.StringType.get());
    assertThat(typeOf(schema, "redpanda.partition")).isEqualTo(Types.IntegerType.get());
    assertThat(typeOf(schema, "redpanda.offset")).isEqualTo(Types.LongType.get());
    assertThat(typeOf(schema, "redpanda.timestamp")).isEqualTo(Types.TimestampType.withZone());
  }

  private static org.apache.iceberg.types.Type typeOf(Schema schema, String column) {
    Types.NestedField field = schema.findField(column);
    assertThat(field).as("column %s", column).isNotNull();
    return field.type();
  }
}
