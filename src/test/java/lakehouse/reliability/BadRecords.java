package lakehouse.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lakehouse.trades.Trade;

/** Records an Iceberg topic cannot translate: one of each kind that a real producer gets wrong. */
final class BadRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param tradeId the trade_id the record carries, null where it has none; it must never reach the table
   */
  record BadRecord(String kind, String tradeId, byte[] value) {}

  private BadRecords() {}

  /** One bad record of each kind, built from trades that are otherwise valid. */
  static List<BadRecord> from(List<Trade> trades) {
    return List.of(
        new BadRecord("not JSON", null, "trade_id=42;price=abc".getBytes(StandardCharsets.UTF_8)),
        new BadRecord("required field missing", trades.get(0).tradeId(), without(trades.get(0), "price")),
        new BadRecord("wrong type", trades.get(1).tradeId(), with(trades.get(1), "price", "abc")),
        new BadRecord("unparseable ts_event", trades.get(2).tradeId(), with(trades.get(2), "ts_event", "yesterday at noon")));
  }

  private static byte[] without(Trade trade, String field) {
    ObjectNode json = tree(trade);
    json.remove(field);
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] with(Trade trade, String field, String value) {
    ObjectNode json = tree(trade);
    json.put(field, value);
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode tree(Trade trade) {
    try {
      return (ObjectNode) JSON.readTree(trade.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
