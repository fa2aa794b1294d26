package lakehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergClients;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
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

  /** {@code total-records} of the table's current snapshot; 0 while it has none or does not exist yet. */
  public long committedRecordCount(String topic) {
    Snapshot current;
    try {
      // One request per poll: waits call this every 50 ms on a machine the catalog shares.
      current = table(topic).currentSnapshot();
    } catch (NoSuchTableException notYet) {
      return 0;
    }
    return current == null ? 0 : Long.parseLong(current.summary().getOrDefault("total-records", "0"));
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
