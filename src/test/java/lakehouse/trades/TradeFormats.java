package lakehouse.trades;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import lakehouse.schema.ValueFormat;
import lakehouse.schema.ValueSchema;
import lakehouse.schema.formats.ValueSchemas;

/**
 * The round trip's records in each format Redpanda translates: the trades' and the analytics' schemas, and each
 * record's text in the format's own JSON form (plain JSON; Avro's JSON encoding; proto3's JSON mapping), which the
 * schema encodes as a producer would. In Protobuf both messages live in one file, {@code trades.proto}: the trades
 * are message index [0], the analytics [1].
 */
public final class TradeFormats {
  public static final List<Integer> TRADE_MESSAGE = List.of(0);
  public static final List<Integer> ANALYTICS_MESSAGE = List.of(1);

  private TradeFormats() {}

  public static ValueSchema tradesSchema(ValueFormat format) {
    return switch (format) {
      case JSON -> schema(format, "schemas/trades.schema.json", TRADE_MESSAGE);
      case AVRO -> schema(format, "schemas/trades.avsc", TRADE_MESSAGE);
      case PROTOBUF -> schema(format, "schemas/trades.proto", TRADE_MESSAGE);
    };
  }

  public static ValueSchema analyticsSchema(ValueFormat format) {
    return switch (format) {
      case JSON -> schema(format, "schemas/trade_analytics.schema.json", ANALYTICS_MESSAGE);
      case AVRO -> schema(format, "schemas/trade_analytics.avsc", ANALYTICS_MESSAGE);
      case PROTOBUF -> schema(format, "schemas/trades.proto", ANALYTICS_MESSAGE);
    };
  }

  public static String text(ValueFormat format, Trade trade) {
    if (format == ValueFormat.JSON) {
      return new String(trade.toJson(), StandardCharsets.UTF_8);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("trade_id", trade.tradeId());
    json.put("symbol", trade.symbol());
    json.put("price", trade.price());
    json.put("qty", trade.qty());
    json.put("side", trade.side().name());
    if (format == ValueFormat.AVRO) {
      json.put("ts_event", micros(trade.tsEvent()));
      if (trade.notes() == null) {
        json.putNull("notes");
      } else {
        json.putObject("notes").put("string", trade.notes()); // a union branch, as Avro's JSON encoding names it
      }
    } else {
      json.put("ts_event", Timestamps.format(trade.tsEvent()));
      if (trade.notes() != null) {
        json.put("notes", trade.notes());
      }
    }
    return json.toString();
  }

  public static String text(ValueFormat format, SymbolAnalytics row) {
    if (format == ValueFormat.JSON) {
      return new String(row.toJson(), StandardCharsets.UTF_8);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("symbol", row.symbol());
    json.put("trade_count", row.tradeCount());
    json.put("avg_price", row.avgPrice());
    json.put("min_price", row.minPrice());
    json.put("max_price", row.maxPrice());
    json.put("total_volume", row.totalVolume());
    json.put("buy_count", row.buyCount());
    json.put("sell_count", row.sellCount());
    if (format == ValueFormat.AVRO) {
      json.put("first_trade_time", micros(row.firstTradeTime()));
      json.put("last_trade_time", micros(row.lastTradeTime()));
    } else {
      json.put("first_trade_time", Timestamps.format(row.firstTradeTime()));
      json.put("last_trade_time", Timestamps.format(row.lastTradeTime()));
    }
    return json.toString();
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static ValueSchema schema(ValueFormat format, String resource, List<Integer> message) {
    try (InputStream in = TradeFormats.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the test classpath");
      }
      return ValueSchemas.of(format, new String(in.readAllBytes(), StandardCharsets.UTF_8), message, Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
