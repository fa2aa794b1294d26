package lakehouse.trades;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One trade as produced to the {@code trades} topic. The price is kept in cents so the oracle
 * computes exactly what the JSON says.
 *
 * @param notes null when the trade has none; the field is then left out of the JSON
 */
public record Trade(
    String tradeId, String symbol, long priceCents, int qty, Side side, Instant tsEvent, String notes) {

  public double price() {
    return priceCents / 100.0;
  }

  public BigDecimal exactPrice() {
    return BigDecimal.valueOf(priceCents, 2);
  }

  public byte[] toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("trade_id", tradeId);
    json.put("symbol", symbol);
    json.put("price", exactPrice());
    json.put("qty", qty);
    json.put("side", side.name());
    json.put("ts_event", Timestamps.format(tsEvent));
    if (notes != null) {
      json.put("notes", notes);
    }
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
