package lakehouse.pipeline;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import lakehouse.Lakehouse;
import lakehouse.progress.Progress;
import lakehouse.stack.RunSettings;

/**
 * The two waits between a producer's last acknowledgement and a reader seeing the rows: the
 * catalog's current snapshot holding them, then DuckDB counting them. Both poll every 50 ms and
 * print progress at most once a second.
 */
public final class Visibility {
  private static final Duration POLL = Duration.ofMillis(50);

  private Visibility() {}

  /** Waits until the topic's table holds at least {@code expected} records; returns how many it holds. */
  public static long awaitCommitted(Lakehouse lakehouse, RunSettings settings, String topic, long expected) {
    AtomicLong committed = new AtomicLong();
    String table = lakehouse.catalog().namespace() + "." + topic;
    await(table + ": current Iceberg snapshot to hold all " + expected + " records (commit interval "
            + settings.commitInterval().toMillis() + " ms)")
        .atMost(settings.visibilityTimeout())
        .pollInterval(POLL)
        .conditionEvaluationListener(new Progress(System.out, table + " rows committed", expected, committed::get))
        .until(() -> {
          committed.set(lakehouse.catalog().committedRecordCount(topic));
          return committed.get() >= expected;
        });
    return committed.get();
  }

  /** Waits until DuckDB, through the REST catalog, counts at least {@code expected} rows of the topic's table. */
  public static void awaitVisibleInDuckDb(Lakehouse lakehouse, RunSettings settings, String topic, long expected) {
    AtomicLong visible = new AtomicLong();
    String table = lakehouse.duckdb().table(topic);
    await("DuckDB to see all " + expected + " rows of " + table)
        .atMost(settings.visibilityTimeout())
        .pollInterval(POLL)
        .conditionEvaluationListener(new Progress(System.out, table + " rows visible in DuckDB", expected, visible::get))
        .until(() -> {
          visible.set(lakehouse.duckdb().count(topic));
          return visible.get() >= expected;
        });
  }
}
