package lakehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergClients;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.rest.RESTCatalog;

/** The stack's Iceberg REST catalog, through Apache Iceberg's own REST client. */
public final class CatalogHandle implements AutoCloseable {
  private final Endpoints endpoints;
  private RESTCatalog catalog;

  CatalogHandle(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  public String namespace() {
    return endpoints.namespace();
  }

  public TableIdentifier tableOf(String topic) {
    return TableIdentifier.of(namespace(), topic);
  }

  public synchronized RESTCatalog catalog() {
    if (catalog == null) {
      catalog = IcebergClients.openRestCatalog("lakehouse-spec", endpoints);
    }
    return catalog;
  }

  /** The table of an Iceberg topic, loaded fresh from the catalog. */
  public Table table(String topic) {
    return catalog().loadTable(tableOf(topic));
  }

  /** Whether the topic's table exists yet: Redpanda makes it at the first translated record. */
  public boolean tableExists(String topic) {
    return catalog().tableExists(tableOf(topic));
  }

  /** The records in the table's current snapshot ({@link #recordCount}); 0 while it has none or does not exist yet. */
  public long committedRecordCount(String topic) {
    Table table;
    try {
      // One request per poll: waits call this every 50 ms on a machine the catalog shares.
      table = table(topic);
    } catch (NoSuchTableException notYet) {
      return 0;
    }
    return recordCount(table);
  }

  /**
   * {@code total-records} of the current snapshot's summary. Where the summary has none (Redpanda
   * 25.2 builds from before PR #27413 wrote none, and the Iceberg spec makes the field optional), the
   * sum of the record counts of the snapshot's data files, read from its manifests, so that a wait
   * counts rows instead of hanging. Iceberg topics only append, so there are no delete files to subtract.
   */
  static long recordCount(Table table) {
    return table.currentSnapshot() == null ? 0 : recordCount(table, table.currentSnapshot());
  }

  /** The same for any snapshot of the table. */
  public static long recordCount(Table table, Snapshot snapshot) {
    String total = snapshot.summary().get(SnapshotSummary.TOTAL_RECORDS_PROP);
    if (total != null) {
      return Long.parseLong(total);
    }
    long records = 0;
    try (CloseableIterable<FileScanTask> files = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
      for (FileScanTask file : files) {
        records += file.file().recordCount();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the manifests of " + table.name(), e);
    }
    return records;
  }

  @Override
  public synchronized void close() {
    if (catalog != null) {
      try {
        catalog.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      catalog = null;
    }
  }
}
