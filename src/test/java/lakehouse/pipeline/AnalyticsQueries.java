package lakehouse.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import lakehouse.trades.SymbolAnalytics;

/** The DuckDB SQL of the round trip. Timestamps come back as epoch microseconds, so nothing is lost to a time zone. */
final class AnalyticsQueries {
  private AnalyticsQueries() {}

  static String perSymbol(String tradesTable) {
    return """
        SELECT symbol,
               count(*)                                  AS trade_count,
               avg(price)                                AS avg_price,
               min(price)                                AS min_price,
               max(price)                                AS max_price,
               sum(qty)::BIGINT                          AS total_volume,
               count(*) FILTER (WHERE side = 'BUY')      AS buy_count,
               count(*) FILTER (WHERE side = 'SELL')     AS sell_count,
               epoch_us(min(ts_event))                   AS first_trade_time,
               epoch_us(max(ts_event))                   AS last_trade_time
        FROM %s
        GROUP BY symbol
        ORDER BY symbol""".formatted(tradesTable);
  }

  static String readBack(String analyticsTable) {
    return """
        SELECT symbol, trade_count, avg_price, min_price, max_price, total_volume, buy_count, sell_count,
               epoch_us(first_trade_time) AS first_trade_time, epoch_us(last_trade_time) AS last_trade_time
        FROM %s
        ORDER BY symbol""".formatted(analyticsTable);
  }

  static SymbolAnalytics row(ResultSet rs) throws SQLException {
    return new SymbolAnalytics(
        rs.getString("symbol"),
        rs.getLong("trade_count"),
        rs.getDouble("avg_price"),
        rs.getDouble("min_price"),
        rs.getDouble("max_price"),
        rs.getLong("total_volume"),
        rs.getLong("buy_count"),
        rs.getLong("sell_count"),
        Pipeline.micros(rs.getLong("first_trade_time")),
        Pipeline.micros(rs.getLong("last_trade_time")));
  }
}
