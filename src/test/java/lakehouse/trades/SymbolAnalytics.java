package lakehouse.trades;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One row of the per-symbol analytics, as queried with DuckDB and published to {@code trade_analytics}. */
public record SymbolAnalytics(
    String symbol,
    long tradeCount,
    double avgPrice,
    double minPrice,
    double maxPrice,
    long totalVolume,
    long buyCount,
    long sellCount,
    Instant firstTradeTime,
    Instant lastTradeTime) {

  public byte[] toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("symbol", symbol);
    json.put("trade_count", tradeCount);
    json.put("avg_price", avgPrice);
    json.put("min_price", minPrice);
    json.put("max_price", maxPrice);
    json.put("total_volume", totalVolume);
    json.put("buy_count", buyCount);
    json.put("sell_count", sellCount);
    json.put("first_trade_time", Timestamps.format(firstTradeTime));
    json.put("last_trade_time", Timestamps.format(lastTradeTime));
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
