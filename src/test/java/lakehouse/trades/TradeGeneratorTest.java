package lakehouse.trades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TradeGeneratorTest {

  @Test
  void theSameSeedGivesTheSameTrades() {
    assertThat(TradeGenerator.generate(42, 1_000)).isEqualTo(TradeGenerator.generate(42, 1_000));
  }

  @Test
  void anotherSeedGivesOtherTrades() {
    assertThat(TradeGenerator.generate(43, 100)).isNotEqualTo(TradeGenerator.generate(42, 100));
  }

  @Test
  void aLongerRunStartsWithTheShorterOne() {
    assertThat(TradeGenerator.generate(42, 10_000).subList(0, 500)).isEqualTo(TradeGenerator.generate(42, 500));
  }

  @Test
  void tradesStayWithinTheDesignedRanges() {
    List<Trade> trades = TradeGenerator.generate(42, 10_000);

    assertThat(trades).allSatisfy(trade -> {
      assertThat(TradeGenerator.SYMBOLS).contains(trade.symbol());
      assertThat(trade.priceCents()).isBetween(5_000L, 49_995L);
      assertThat(trade.qty()).isBetween(1, 1_000);
      assertThat(UUID.fromString(trade.tradeId()).version()).isEqualTo(4);
    });
    assertThat(trades).extracting(Trade::tradeId).doesNotHaveDuplicates();
    assertThat(trades).extracting(Trade::symbol).containsAll(TradeGenerator.SYMBOLS);
    assertThat(trades).extracting(Trade::side).contains(Side.BUY, Side.SELL);
    assertThat(trades).extracting(Trade::notes).containsNull().contains("block trade");
    assertThat(trades).extracting(Trade::tsEvent).isSorted();
  }

  @Test
  void jsonCarriesCentsAndMicroseconds() {
    Trade trade = new Trade("0c7f2a7e-1f9b-4c1e-9a53-2f2b8d7a1e11", "AAPL", 12_340, 7, Side.SELL,
        java.time.Instant.parse("2026-01-15T09:30:00.000001Z"), null);

    assertThat(new String(trade.toJson(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"trade_id\":\"0c7f2a7e-1f9b-4c1e-9a53-2f2b8d7a1e11\",\"symbol\":\"AAPL\",\"price\":123.40,"
            + "\"qty\":7,\"side\":\"SELL\",\"ts_event\":\"2026-01-15T09:30:00.000001Z\"}");
  }
}
