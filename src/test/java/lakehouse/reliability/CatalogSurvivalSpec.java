package lakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.pipeline.Produced;
import lakehouse.pipeline.Producing;
import lakehouse.report.RunReport;
import lakehouse.stack.Capability;
import lakehouse.stack.RunSettings;
import lakehouse.trades.Trade;
import lakehouse.trades.TradeGenerator;
import org.apache.iceberg.HistoryEntry;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The catalog's state lives in its database: a restart of both loses no table, snapshot or history entry. */
@LakehouseSpec
@Order(8)
class CatalogSurvivalSpec {
  /** At a 1 s commit interval; longer ones make it longer ({@link RunSettings#commitWait}). */
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void tablesSnapshotsAndHistorySurviveARestartAndTheNextCommitLandsOnTop(Lakehouse lakehouse, Pipeline pipeline,
      RunSettings settings, RunReport report) throws Exception {
    assumeTrue(lakehouse.supports(Capability.FAULT_INJECTION), lakehouse.whyNot(Capability.FAULT_INJECTION));
    pipeline.roundTripAnalytics();
    String topic = pipeline.tradesTopic();
    Namespace namespace = Namespace.of(lakehouse.catalog().namespace());
    List<TableIdentifier> tablesBefore = lakehouse.catalog().catalog().listTables(namespace);
    Table before = lakehouse.catalog().table(topic);

    new FaultLog(report).inject("catalog and database restart", () -> lakehouse.faults().restartCatalogAndStore());

    assertThat(lakehouse.catalog().catalog().listTables(namespace)).containsExactlyInAnyOrderElementsOf(tablesBefore);
    Table after = lakehouse.catalog().table(topic);
    assertThat(snapshotIds(after)).as("snapshots of %s", topic).isEqualTo(snapshotIds(before));
    assertThat(after.history()).extracting(HistoryEntry::snapshotId)
        .containsExactlyElementsOf(before.history().stream().map(HistoryEntry::snapshotId).toList());
    assertThat(after.currentSnapshot().snapshotId()).isEqualTo(before.currentSnapshot().snapshotId());

    long committed = lakehouse.catalog().committedRecordCount(topic);
    List<Trade> more = TradeGenerator.generate(settings.seed() + 200, 100);
    Produced produced = Producing.sendAll(lakehouse.kafka(), topic, more, Trade::tradeId, Trade::toJson);
    assertThat(produced.failures()).isEmpty();
    await("a commit of " + more.size() + " more trades on top of snapshot " + before.currentSnapshot().snapshotId())
        .atMost(settings.commitWait(TIMEOUT)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
        .until(() -> lakehouse.catalog().committedRecordCount(topic) >= committed + more.size());
    Table next = lakehouse.catalog().table(topic);
    assertThat(ancestors(next)).as("the new snapshot's ancestry").contains(before.currentSnapshot().snapshotId());
    assertThat(lakehouse.catalog().committedRecordCount(topic)).isEqualTo(committed + more.size());
  }

  private static List<Long> snapshotIds(Table table) {
    return StreamSupport.stream(table.snapshots().spliterator(), false).map(Snapshot::snapshotId).toList();
  }

  private static List<Long> ancestors(Table table) {
    return StreamSupport.stream(
        org.apache.iceberg.util.SnapshotUtil.ancestorIds(table.currentSnapshot(), table::snapshot).spliterator(), false).toList();
  }
}
