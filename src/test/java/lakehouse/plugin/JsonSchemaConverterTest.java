package lakehouse.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import lakehouse.pipeline.Pipeline;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** The converter is the translation; conformance cases pin its rules, this pins its Connect side. */
class JsonSchemaConverterTest {

  private static JsonSchemaConverter converter() {
    JsonSchemaConverter converter = new JsonSchemaConverter();
    converter.configure(Map.of(JsonSchemaConverter.SCHEMA_CONFIG, Pipeline.TRADES_SCHEMA.text()), false);
    return converter;
  }

  @Test
  void aTradeBecomesAMapOfTypedValuesTheSinkWritesAsTheyAre() {
    byte[] trade = lakehouse.trades.TradeGenerator.generate(42, 1).get(0).toJson();

    Object value = converter().toConnectData("trades", trade).value();

    assertThat(value).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKeys("trade_id", "price", "qty", "ts_event")
        .hasEntrySatisfying("qty", qty -> assertThat(qty).isInstanceOf(Long.class))
        .hasEntrySatisfying("price", price -> assertThat(price).isInstanceOf(Double.class))
        .hasEntrySatisfying("ts_event", ts -> assertThat(ts).isInstanceOf(OffsetDateTime.class));
  }

  @Test
  void whatRedpandaWouldSendToItsDeadLetterTableFailsWithADataExceptionConnectRoutes() {
    assertThatThrownBy(() -> converter().toConnectData("trades", "not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DataException.class).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> converter().toConnectData("trades", "{\"qty\": 1.5}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DataException.class).hasMessageContaining("$.qty");
    assertThatThrownBy(() -> converter().toConnectData("trades", null))
        .isInstanceOf(DataException.class).hasMessageContaining("tombstones cannot be translated");
  }

  @Test
  void withoutASchemaItRefusesToStart() {
    assertThatThrownBy(() -> new JsonSchemaConverter().configure(Map.of(), false)).hasMessageContaining("json.schema");
  }
}
