package lakehouse.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import lakehouse.trades.SymbolAnalytics;
import lakehouse.trades.TradeGenerator;

/**
 * What "DuckDB agrees with the oracle" means, in every format: one row per symbol in symbol order, counts and
 * volumes exactly, prices within half a cent (DuckDB averages doubles), first and last trade times exactly.
 */
final class OracleAgreement {
  private static final double HALF_A_CENT = 0.005;

  private OracleAgreement() {}

  static void assertAgree(List<SymbolAnalytics> expected, List<SymbolAnalytics> actual) {
    assertThat(actual).extracting(SymbolAnalytics::symbol)
        .containsExactlyElementsOf(TradeGenerator.SYMBOLS.stream().sorted().toList());
    for (int i = 0; i < expected.size(); i++) {
      SymbolAnalytics want = expected.get(i);
      SymbolAnalytics got = actual.get(i);
      String symbol = want.symbol();
      assertThat(got.tradeCount()).as("%s trade_count", symbol).isEqualTo(want.tradeCount());
      assertThat(got.buyCount()).as("%s buy_count", symbol).isEqualTo(want.buyCount());
      assertThat(got.sellCount()).as("%s sell_count", symbol).isEqualTo(want.sellCount());
      assertThat(got.totalVolume()).as("%s total_volume", symbol).isEqualTo(want.totalVolume());
      assertThat(got.avgPrice()).as("%s avg_price", symbol).isCloseTo(want.avgPrice(), within(HALF_A_CENT));
      assertThat(got.minPrice()).as("%s min_price", symbol).isCloseTo(want.minPrice(), within(HALF_A_CENT));
      assertThat(got.maxPrice()).as("%s max_price", symbol).isCloseTo(want.maxPrice(), within(HALF_A_CENT));
      assertThat(got.firstTradeTime()).as("%s first_trade_time", symbol).isEqualTo(want.firstTradeTime());
      assertThat(got.lastTradeTime()).as("%s last_trade_time", symbol).isEqualTo(want.lastTradeTime());
    }
  }
}
