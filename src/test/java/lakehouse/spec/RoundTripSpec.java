package lakehouse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import lakehouse.CatalogHandle;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Stage 5: the published analytics come back out of the {@code trade_analytics} Iceberg table, row for row. */
@LakehouseSpec
@Order(5)
class RoundTripSpec {

  @Test
  @Order(1)
  void duckDbReadsBackExactlyWhatWasPublished(Pipeline pipeline) throws Exception {
    assertThat(pipeline.roundTripAnalytics())
        .as("rows of %s read with DuckDB", pipeline.analyticsTopic())
        .containsExactlyElementsOf(pipeline.queriedAnalytics());
  }

  @Test
  @Order(2)
  void theAnalyticsSnapshotHoldsOneRowPerSymbol(Pipeline pipeline, CatalogHandle catalog) throws Exception {
    pipeline.roundTripAnalytics();

    assertThat(catalog.committedRecordCount(pipeline.analyticsTopic())).isEqualTo(pipeline.publishedAnalytics().sent());
  }
}
