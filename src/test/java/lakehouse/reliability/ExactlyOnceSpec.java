package lakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.pipeline.Produced;
import lakehouse.pipeline.Producing;
import lakehouse.progress.Progress;
import lakehouse.report.RunReport;
import lakehouse.stack.Capability;
import lakehouse.stack.RunSettings;
import lakehouse.trades.Trade;
import lakehouse.trades.TradeGenerator;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * While 100,000 trades are produced, the broker restarts, the Iceberg writer restarts and the
 * catalog goes away for a while. Afterwards the table holds every trade exactly once.
 */
@LakehouseSpec
@Order(7)
class ExactlyOnceSpec {
  static final String TOPIC = "trades_faults";
  static final int TRADES = 100_000;
  private static final Duration CATALOG_OUTAGE = Duration.ofSeconds(3);
  /** At a 1 s commit interval; commit waits grow with longer ones ({@link RunSettings#commitWait}). */
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  void everyTradeLandsExactlyOnceThroughBrokerWriterAndCatalogFaults(Lakehouse lakehouse, RunSettings settings,
      RunReport report) throws Exception {
    assumeTrue(lakehouse.supports(Capability.FAULT_INJECTION), lakehouse.whyNot(Capability.FAULT_INJECTION));
    String topic = lakehouse.topic(TOPIC);
    List<Trade> trades = TradeGenerator.generate(settings.seed() + 100, TRADES);
    lakehouse.kafka().createIcebergTopic(topic, Pipeline.TRADES_SCHEMA);
    FaultLog faults = new FaultLog(report);

    AtomicLong acked = new AtomicLong();
    CompletableFuture<Produced> producing = CompletableFuture.supplyAsync(() ->
        Producing.sendAll(lakehouse.kafka(), topic, trades, Trade::tradeId, Trade::toJson, acked));
    awaitAcked(acked, producing, TRADES / 5);
    faults.inject("broker restart", () -> lakehouse.faults().restartBroker());
    awaitAcked(acked, producing, TRADES / 2);
    faults.inject("iceberg writer restart", () -> lakehouse.faults().restartIcebergWriter());
    awaitCommitted(lakehouse, settings, topic, 1, "a first commit to " + topic + " after the writer restart");
    faults.inject("catalog outage " + CATALOG_OUTAGE.toSeconds() + " s", () -> lakehouse.faults().cutCatalog(CATALOG_OUTAGE));
    Produced produced = producing.get();

    assertThat(produced.failures()).as("failed sends").isEmpty();
    assertThat(produced.acknowledged()).as("acknowledged sends").isEqualTo(TRADES);
    awaitCommitted(lakehouse, settings, topic, TRADES,
        lakehouse.catalog().namespace() + "." + topic + " to commit all " + TRADES + " trades after the faults");
    String table = lakehouse.duckdb().table(topic);
    Set<String> ids = new HashSet<>(lakehouse.duckdb().query("SELECT trade_id FROM " + table, rs -> rs.getString(1)));
    long rows = lakehouse.duckdb().count(topic);
    long missing = trades.stream().filter(t -> !ids.contains(t.tradeId())).count();

    assertThat(rows - ids.size()).as("duplicate trade_ids").isZero();
    assertThat(missing).as("missing trade_ids").isZero();
    assertThat(rows).as("rows in %s", table).isEqualTo(TRADES);
    assertSnapshotsAgree(lakehouse, topic, rows);
    report.countReliability("produced", TRADES);
    report.countReliability("in_table", rows);
    report.countReliability("duplicates", rows - ids.size());
    report.countReliability("missing", missing);
  }

  /** Iceberg's own bookkeeping agrees with DuckDB, and every snapshot holds a gap-free prefix of the log. */
  private static void assertSnapshotsAgree(Lakehouse lakehouse, String topic, long rows) throws Exception {
    Table table = lakehouse.catalog().table(topic);
    List<Snapshot> snapshots = StreamSupport.stream(table.snapshots().spliterator(), false).toList();
    long added = snapshots.stream().mapToLong(s -> Long.parseLong(s.summary().getOrDefault("added-records", "0"))).sum();
    assertThat(Long.parseLong(table.currentSnapshot().summary().get("total-records"))).as("total-records").isEqualTo(rows);
    assertThat(added).as("added-records over %d snapshots", snapshots.size()).isEqualTo(rows);
    for (Snapshot snapshot : snapshots) {
      SnapshotOffsets offsets = SnapshotOffsets.read(lakehouse.duckdb(), lakehouse.duckdb().table(topic), snapshot.snapshotId());
      assertThat(offsets.isContiguousFromZero()).as("Kafka offsets in snapshot %s: %s", snapshot.snapshotId(), offsets).isTrue();
    }
  }

  private static void awaitAcked(AtomicLong acked, CompletableFuture<Produced> producing, long atLeast) {
    await(atLeast + " trades acknowledged").atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
        .conditionEvaluationListener(new Progress(System.out, "trades acknowledged", atLeast, acked::get))
        .until(() -> acked.get() >= atLeast || producing.isDone());
  }

  /**
   * Waits until the table holds {@code atLeast} records, printing committed/expected once a second. When
   * the wait runs out, the failure says how far it came; the extension then writes what the stack had
   * done (snapshots, offsets, open transactions, connector states, threads) and names that file.
   */
  private static void awaitCommitted(Lakehouse lakehouse, RunSettings settings, String topic, long atLeast,
      String what) {
    AtomicLong committed = new AtomicLong();
    String table = lakehouse.catalog().namespace() + "." + topic;
    Duration timeout = settings.commitWait(TIMEOUT);
    try {
      await(what).atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
          .conditionEvaluationListener(new Progress(System.out, table + " rows committed", atLeast, committed::get))
          .until(() -> {
            committed.set(lakehouse.catalog().committedRecordCount(topic));
            return committed.get() >= atLeast;
          });
    } catch (ConditionTimeoutException stalled) {
      throw new AssertionError(String.format("%s holds %,d of %,d records after %s", table, committed.get(), atLeast,
          timeout), stalled);
    }
  }
}
