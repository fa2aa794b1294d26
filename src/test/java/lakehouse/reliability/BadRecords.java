package lakehouse.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import lakehouse.trades.Trade;

/**
 * Records Redpanda 25.3 cannot translate and sends to the dead-letter table (values_json.cc,
 * iceberg_json_tests.cc): one of each kind a real producer gets wrong.
 */
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
        new BadRecord("a fractional integer", trades.get(0).tradeId(), with(trades.get(0), json -> json.put("qty", 1.5))),
        new BadRecord("a boolean for a number", trades.get(1).tradeId(), with(trades.get(1), json -> json.put("price", true))),
        new BadRecord("a JSON array", null, ("[" + new String(trades.get(2).toJson(), StandardCharsets.UTF_8) + "]")
            .getBytes(StandardCharsets.UTF_8)));
  }

  /** The trade without one of its required fields: Redpanda ignores {@code required}, so it is a row with a NULL. */
  static byte[] without(Trade trade, String field) {
    return with(trade, json -> json.remove(field));
  }

  private static byte[] with(Trade trade, Consumer<ObjectNode> change) {
    ObjectNode json = tree(trade);
    change.accept(json);
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
