package lakehouse.trades;

public enum Side {
  BUY,
  SELL
}
