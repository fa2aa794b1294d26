package lakehouse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import lakehouse.KafkaHandle;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.pipeline.Produced;
import lakehouse.stack.RunSettings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Stage 1: deterministic trades go into the {@code trades} Iceberg topic, every one acknowledged. Each
 * carries its {@code trade_id} as the key and one header, which QuerySpec finds again in the table.
 */
@LakehouseSpec
@Order(1)
class IngestSpec {

  @Test
  @Order(1)
  void everyTradeIsAcknowledgedByAllReplicas(Pipeline pipeline, RunSettings settings) throws Exception {
    Produced produced = pipeline.ingest().produced();

    assertThat(produced.failures()).as("failed sends").isEmpty();
    assertThat(produced.sent()).as("trades generated").isEqualTo(settings.trades());
    assertThat(produced.acknowledged()).as("acknowledged sends").isEqualTo(settings.trades());
  }

  @Test
  @Order(2)
  void theTopicHoldsExactlyTheProducedTrades(Pipeline pipeline, KafkaHandle kafka) throws Exception {
    int produced = pipeline.ingest().trades().size();

    assertThat(kafka.recordCount(pipeline.tradesTopic()))
        .as("records in topic %s", pipeline.tradesTopic())
        .isEqualTo(produced);
  }
}
