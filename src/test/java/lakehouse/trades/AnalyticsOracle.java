package lakehouse.trades;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The expected per-symbol analytics, computed in plain Java from the generated trades: the
 * independent oracle the DuckDB results are checked against. Sums are exact (cents, longs).
 */
public final class AnalyticsOracle {
  private AnalyticsOracle() {}

  /** One row per symbol, ordered by symbol. */
  public static List<SymbolAnalytics> perSymbol(List<Trade> trades) {
    Map<String, List<Trade>> bySymbol = trades.stream()
        .collect(Collectors.groupingBy(Trade::symbol, TreeMap::new, Collectors.toList()));
    return bySymbol.entrySet().stream().map(e -> analytics(e.getKey(), e.getValue())).toList();
  }

  private static SymbolAnalytics analytics(String symbol, List<Trade> trades) {
    long cents = trades.stream().mapToLong(Trade::priceCents).sum();
    BigDecimal avg = BigDecimal.valueOf(cents, 2).divide(BigDecimal.valueOf(trades.size()), MathContext.DECIMAL128);
    return new SymbolAnalytics(
        symbol,
        trades.size(),
        avg.doubleValue(),
        trades.stream().mapToLong(Trade::priceCents).min().orElseThrow() / 100.0,
        trades.stream().mapToLong(Trade::priceCents).max().orElseThrow() / 100.0,
        trades.stream().mapToLong(Trade::qty).sum(),
        trades.stream().filter(t -> t.side() == Side.BUY).count(),
        trades.stream().filter(t -> t.side() == Side.SELL).count(),
        trades.stream().map(Trade::tsEvent).min(Comparator.naturalOrder()).orElseThrow(),
        trades.stream().map(Trade::tsEvent).max(Comparator.naturalOrder()).orElseThrow());
  }
}
