package lakehouse.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import lakehouse.CatalogHandle;
import lakehouse.Lakehouse;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Where the freshness of a batch goes, each part measured from its last acknowledgement: the
 * snapshot that first held every record (its own {@code timestamp-ms}, set by the writer when it
 * made the snapshot), the commit request for it as the stack's catalog received it (embedded
 * only), and DuckDB first counting every row.
 *
 * @param commitRequestMs null where the stack cannot tell (containers, external)
 */
public record FreshnessParts(long snapshotMs, Long commitRequestMs, long visibleMs) {

  /**
   * @param lastAck the wall-clock time of the batch's last acknowledgement
   * @param visible when DuckDB first counted every row
   */
  public static FreshnessParts measure(Lakehouse lakehouse, String topic, long expected, Instant lastAck,
      Instant visible) {
    Table table = lakehouse.catalog().table(topic);
    Snapshot first = StreamSupport.stream(table.snapshots().spliterator(), false)
        .filter(snapshot -> CatalogHandle.recordCount(table, snapshot) >= expected)
        .min(Comparator.comparingLong(Snapshot::sequenceNumber))
        .orElseThrow(() -> new IllegalStateException("no snapshot of " + topic + " holds " + expected + " records"));
    Instant snapshotAt = Instant.ofEpochMilli(first.timestampMillis());
    Optional<Instant> request = lakehouse.commitRequests()
        .flatMap(log -> log.firstAtOrAfter(lakehouse.catalog().namespace(), topic, snapshotAt));
    return new FreshnessParts(millis(lastAck, snapshotAt), request.map(at -> millis(lastAck, at)).orElse(null),
        millis(lastAck, visible));
  }

  /** For a report: {@code snapshot_ms}, {@code commit_request_ms} (where known), {@code visible_in_duckdb_ms}. */
  public Map<String, Long> toMap() {
    Map<String, Long> parts = new LinkedHashMap<>();
    parts.put("snapshot_ms", snapshotMs);
    if (commitRequestMs != null) {
      parts.put("commit_request_ms", commitRequestMs);
    }
    parts.put("visible_in_duckdb_ms", visibleMs);
    return parts;
  }

  /** The wall-clock time of a {@link System#nanoTime()} reading taken in this JVM. */
  public static Instant wallClock(long nanoTime) {
    return Instant.now().minusNanos(System.nanoTime() - nanoTime);
  }

  private static long millis(Instant from, Instant to) {
    return Duration.between(from, to).toMillis();
  }
}
