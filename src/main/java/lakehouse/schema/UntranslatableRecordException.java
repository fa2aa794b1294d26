package lakehouse.schema;

/** A record Redpanda would send to the dead-letter table: its value does not fit the topic's schema. */
public final class UntranslatableRecordException extends IllegalArgumentException {
  public UntranslatableRecordException(String reason) {
    super(reason);
  }
}
