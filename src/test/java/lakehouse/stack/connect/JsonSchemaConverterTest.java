package lakehouse.stack.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import lakehouse.pipeline.Pipeline;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class JsonSchemaConverterTest {

  private static JsonSchemaConverter converter() {
    JsonSchemaConverter converter = new JsonSchemaConverter();
    converter.configure(Map.of(JsonSchemaConverter.SCHEMA_CONFIG, Pipeline.TRADES_SCHEMA.text()), false);
    return converter;
  }

  @Test
  void validRecordsBecomeSchemalessMapsForTheSink() {
    byte[] trade = lakehouse.trades.TradeGenerator.generate(42, 1).get(0).toJson();

    assertThat(converter().toConnectData("trades", trade).value()).isInstanceOf(Map.class)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKeys("trade_id", "price", "ts_event");
  }

  @Test
  void numbersComeOutAsJsonConverterWouldGiveThem() {
    byte[] json = "{\"trade_id\":\"t\",\"symbol\":\"AAPL\",\"price\":123.40,\"qty\":7,\"side\":\"BUY\",\"ts_event\":\"2026-01-15T09:30:00Z\"}"
        .getBytes(StandardCharsets.UTF_8);
    JsonConverter reference = new JsonConverter();
    reference.configure(Map.of("schemas.enable", "false"), false);

    assertThat(converter().toConnectData("trades", json).value()).isEqualTo(reference.toConnectData("trades", json).value());
  }

  @Test
  void untranslatableRecordsFailInTheConverterWhereConnectCanRouteThemToTheDeadLetterTopic() {
    assertThatThrownBy(() -> converter().toConnectData("trades", "not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DataException.class).hasMessageContaining("is not JSON");
    assertThatThrownBy(() -> converter().toConnectData("trades", "{\"trade_id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DataException.class).hasMessageContaining("does not match its JSON Schema");
  }

  @Test
  void withoutASchemaItRefusesToStart() {
    assertThatThrownBy(() -> new JsonSchemaConverter().configure(Map.of(), false)).hasMessageContaining("json.schema");
  }
}
