package lakehouse.trades;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsOracleTest {
  private static final Instant T0 = Instant.parse("2026-01-15T09:30:00.000001Z");

  @Test
  void aggregatesEachSymbolExactly() {
    List<Trade> trades = List.of(
        trade("MSFT", 10_001, 5, Side.BUY, T0.plusSeconds(2)),
        trade("AAPL", 5_000, 10, Side.BUY, T0.plusSeconds(1)),
        trade("MSFT", 20_000, 1, Side.SELL, T0),
        trade("MSFT", 30_000, 100, Side.BUY, T0.plusSeconds(3)));

    assertThat(AnalyticsOracle.perSymbol(trades)).containsExactly(
        new SymbolAnalytics("AAPL", 1, 50.00, 50.00, 50.00, 10, 1, 0, T0.plusSeconds(1), T0.plusSeconds(1)),
        new SymbolAnalytics("MSFT", 3, 200.00333333333333, 100.01, 300.00, 106, 2, 1, T0, T0.plusSeconds(3)));
  }

  @Test
  void coversEverySymbolOfTheGeneratedTrades() {
    List<Trade> trades = TradeGenerator.generate(42, 10_000);
    List<SymbolAnalytics> analytics = AnalyticsOracle.perSymbol(trades);

    assertThat(analytics).hasSize(8);
    assertThat(analytics).extracting(SymbolAnalytics::symbol).isSorted();
    assertThat(analytics.stream().mapToLong(SymbolAnalytics::tradeCount).sum()).isEqualTo(10_000);
    assertThat(analytics).allSatisfy(row -> assertThat(row.buyCount() + row.sellCount()).isEqualTo(row.tradeCount()));
  }

  private static Trade trade(String symbol, long cents, int qty, Side side, Instant ts) {
    return new Trade(symbol + cents, symbol, cents, qty, side, ts, null);
  }
}
