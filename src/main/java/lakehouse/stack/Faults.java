package lakehouse.stack;

import java.time.Duration;
import lakehouse.progress.Elapse;

/** Faults a stack can inject into itself, to prove the pipeline keeps every record exactly once. */
public interface Faults {

  /** Stops the Kafka API's broker and starts it again on the same address and data. */
  void restartBroker() throws Exception;

  /** Stops whatever writes Iceberg topics into tables and starts it again. */
  void restartIcebergWriter() throws Exception;

  /** Takes the REST catalog off the network for {@code outage}, then brings it back. */
  void cutCatalog(Duration outage) throws Exception;

  /** Restarts the catalog and the database that holds its state. */
  void restartCatalogAndStore() throws Exception;

  /** Lets an outage last its wall-clock time: the wait polls with Awaitility, it does not sleep. */
  static void lastFor(Duration outage) {
    Elapse.of(outage, "the outage");
  }
}
