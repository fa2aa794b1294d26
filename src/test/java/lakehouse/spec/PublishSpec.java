package lakehouse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import lakehouse.KafkaHandle;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.pipeline.Produced;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Stage 4: the analytics DuckDB computed go back to Kafka, into the {@code trade_analytics} Iceberg topic. */
@LakehouseSpec
@Order(4)
class PublishSpec {

  @Test
  @Order(1)
  void everyAnalyticsRowIsAcknowledged(Pipeline pipeline) throws Exception {
    Produced published = pipeline.publishedAnalytics();

    assertThat(published.failures()).as("failed sends").isEmpty();
    assertThat(published.sent()).as("rows published").isEqualTo(pipeline.queriedAnalytics().size()).isEqualTo(8);
    assertThat(published.acknowledged()).as("acknowledged sends").isEqualTo(published.sent());
  }

  @Test
  @Order(2)
  void theAnalyticsTopicHoldsOneRecordPerSymbol(Pipeline pipeline, KafkaHandle kafka) throws Exception {
    Produced published = pipeline.publishedAnalytics();

    assertThat(kafka.recordCount(published.topic())).as("records in %s", published.topic()).isEqualTo(8);
  }
}
