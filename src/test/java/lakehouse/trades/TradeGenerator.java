package lakehouse.trades;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic trades: the same seed and count give the same trades on every JVM, because
 * {@link Random}'s algorithm is part of its specification.
 */
public final class TradeGenerator {
  public static final List<String> SYMBOLS = List.of("AAPL", "GOOGL", "MSFT", "AMZN", "TSLA", "NVDA", "META", "NFLX");
  public static final long MIN_PRICE_CENTS = 5_000;
  public static final long MAX_PRICE_CENTS = 49_995;
  public static final int MAX_QTY = 1_000;
  static final Instant FIRST_EVENT = Instant.parse("2026-01-15T09:30:00Z");
  private static final List<String> NOTES = List.of("block trade", "dark pool", "algo: vwap", "odd lot");

  private TradeGenerator() {}

  public static List<Trade> generate(long seed, int count) {
    Iterator<Trade> stream = stream(seed);
    List<Trade> trades = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      trades.add(stream.next());
    }
    return trades;
  }

  /** The same trades as {@link #generate}, one at a time, for runs too large to hold in memory. */
  public static Iterator<Trade> stream(long seed) {
    Random random = new Random(seed);
    return new Iterator<>() {
      private long micros;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Trade next() {
        micros += 1 + random.nextInt(1_000_000);
        return new Trade(
            uuidV4(random),
            SYMBOLS.get(random.nextInt(SYMBOLS.size())),
            MIN_PRICE_CENTS + random.nextInt((int) (MAX_PRICE_CENTS - MIN_PRICE_CENTS) + 1),
            1 + random.nextInt(MAX_QTY),
            random.nextBoolean() ? Side.BUY : Side.SELL,
            FIRST_EVENT.plusNanos(micros * 1_000),
            random.nextInt(5) == 0 ? NOTES.get(random.nextInt(NOTES.size())) : null);
      }
    };
  }

  private static String uuidV4(Random random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
