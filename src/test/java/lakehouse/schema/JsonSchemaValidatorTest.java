package lakehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSchemaValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonSchemaValidator trades = new JsonSchemaValidator(JsonSchema.fromResource("schemas/trades.schema.json"));

  @Test
  void aGeneratedTradeIsValid() throws Exception {
    assertThat(violation(new String(lakehouse.trades.TradeGenerator.generate(42, 1).get(0).toJson()))).isEmpty();
  }

  @Test
  void namesWhatMakesARecordUntranslatable() throws Exception {
    String valid = "\"trade_id\":\"t\",\"symbol\":\"AAPL\",\"qty\":1,\"side\":\"BUY\",\"ts_event\":\"2026-01-15T09:30:00.000001Z\"";

    assertThat(violation("{" + valid + "}")).contains("$.price is required but missing");
    assertThat(violation("{" + valid + ",\"price\":\"abc\"}")).contains("$.price must be a number but is \"abc\"");
    assertThat(violation("{" + valid.replace("\"qty\":1", "\"qty\":1.5") + ",\"price\":1}"))
        .contains("$.qty must be an integer but is 1.5");
    assertThat(violation("{" + valid.replace("2026-01-15T09:30:00.000001Z", "yesterday") + ",\"price\":1}"))
        .contains("$.ts_event is not an ISO-8601 date-time: yesterday");
    assertThat(violation("[1,2]")).contains("$ must be an object but is [1,2]");
  }

  @Test
  void optionalFieldsMayBeAbsentOrNull() throws Exception {
    String valid = "\"trade_id\":\"t\",\"symbol\":\"AAPL\",\"price\":1,\"qty\":1,\"side\":\"BUY\",\"ts_event\":\"2026-01-15T09:30:00Z\"";

    assertThat(violation("{" + valid + "}")).isEmpty();
    assertThat(violation("{" + valid + ",\"notes\":null}")).isEmpty();
  }

  private Optional<String> violation(String json) throws Exception {
    return trades.violation(JSON.readTree(json));
  }
}
