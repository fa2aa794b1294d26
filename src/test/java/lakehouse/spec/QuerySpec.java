package lakehouse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lakehouse.DuckDbHandle;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.trades.AnalyticsOracle;
import lakehouse.trades.SymbolAnalytics;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Stage 3: DuckDB queries the trades table through the REST catalog and gets what Java computes from the trades. */
@LakehouseSpec
@Order(3)
class QuerySpec {
  @Test
  @Order(1)
  void perSymbolAnalyticsEqualTheOracle(Pipeline pipeline) throws Exception {
    List<SymbolAnalytics> expected = AnalyticsOracle.perSymbol(pipeline.ingest().trades());
    List<SymbolAnalytics> actual = pipeline.queriedAnalytics();

    OracleAgreement.assertAgree(expected, actual);
  }

  /** Redpanda keeps the key and headers as produced (table_definition.cc, build_rp_struct, build_headers_value). */
  @Test
  @Order(3)
  void everyRowKeepsItsKafkaKeyAndHeader(Pipeline pipeline, DuckDbHandle duckdb) throws Exception {
    pipeline.queriedAnalytics();
    String table = duckdb.table(pipeline.tradesTopic());

    assertThat(duckdb.query("SELECT count(*) FILTER (WHERE decode(redpanda.key) = trade_id),"
            + " count(*) FILTER (WHERE len(redpanda.headers) = 1 AND redpanda.headers[1].key = '" + Pipeline.SOURCE_HEADER
            + "' AND decode(redpanda.headers[1].value) = '" + pipeline.sourceHeader() + "'), count(*) FROM " + table,
        rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).get(0))
        .as("rows whose redpanda.key is their trade_id, rows with the one header, all rows")
        .containsExactly(pipeline.ingest().trades().size(), pipeline.ingest().trades().size(), pipeline.ingest().trades().size());
  }

  @Test
  @Order(2)
  void everyRowIsOneTradeAtItsOwnKafkaOffset(Pipeline pipeline, DuckDbHandle duckdb) throws Exception {
    pipeline.queriedAnalytics();
    long trades = pipeline.ingest().trades().size();
    String table = duckdb.table(pipeline.tradesTopic());

    assertThat(duckdb.query("SELECT count(DISTINCT trade_id) FROM " + table, rs -> rs.getLong(1)))
        .as("distinct trade_ids").containsExactly(trades);
    List<long[]> partitions = duckdb.query("SELECT redpanda.partition, count(*), count(DISTINCT redpanda.offset),"
        + " min(redpanda.offset), max(redpanda.offset) FROM " + table + " GROUP BY 1",
        rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
    assertThat(partitions.stream().mapToLong(p -> p[1]).sum()).as("rows over all partitions").isEqualTo(trades);
    for (long[] p : partitions) {
      assertThat(new long[] {p[2], p[3], p[4]}).as("partition %d: distinct offsets, first, last", p[0])
          .containsExactly(p[1], 0, p[1] - 1);
    }
  }
}
