package lakehouse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.pipeline.Produced;
import lakehouse.report.RunReport;
import lakehouse.schema.ValueFormat;
import lakehouse.stack.RunSettings;
import lakehouse.trades.AnalyticsOracle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The five stages again in the formats most Redpanda users' topics carry, Avro and Protobuf in the Schema Registry
 * wire format ({@code value_schema_id_prefix}), on topics of their own: every trade committed, DuckDB agreeing
 * with the oracle exactly as in the JSON round trip, and the analytics read back row for row
 * (docs/redpanda-contract.md §11, §13, §14).
 */
@LakehouseSpec
// After RoundTripSpec: run between the JSON round trip's publish and its read-back, it would count in that freshness.
@Order(6)
class FormatRoundTripSpec {

  @Test
  @Order(1)
  void theRoundTripHoldsInAvro(Lakehouse lakehouse, RunSettings settings, RunReport report) throws Exception {
    roundTrip(new Pipeline(lakehouse, settings, report, ValueFormat.AVRO, "_avro"), settings);
  }

  @Test
  @Order(2)
  void theRoundTripHoldsInProtobuf(Lakehouse lakehouse, RunSettings settings, RunReport report) throws Exception {
    roundTrip(new Pipeline(lakehouse, settings, report, ValueFormat.PROTOBUF, "_protobuf"), settings);
  }

  private static void roundTrip(Pipeline pipeline, RunSettings settings) throws Exception {
    Assumptions.assumeFalse(settings.format() == pipeline.format(),
        "the main round trip already runs in " + pipeline.format().settingValue() + " (lakehouse.format)");
    Pipeline.Ingested ingested = pipeline.ingest();
    assertThat(ingested.produced().acknowledged()).as("acknowledged trades").isEqualTo(ingested.trades().size());

    assertThat(pipeline.tradesSnapshot()).as("total-records of %s", pipeline.tradesTopic())
        .isEqualTo(ingested.trades().size());
    OracleAgreement.assertAgree(AnalyticsOracle.perSymbol(ingested.trades()), pipeline.queriedAnalytics());
    Produced published = pipeline.publishedAnalytics();
    assertThat(published.acknowledged()).as("acknowledged analytics rows").isEqualTo(published.sent());
    assertThat(pipeline.roundTripAnalytics()).as("rows of %s read with DuckDB", pipeline.analyticsTopic())
        .containsExactlyElementsOf(pipeline.queriedAnalytics());
  }
}
