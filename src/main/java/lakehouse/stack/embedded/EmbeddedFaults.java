package lakehouse.stack.embedded;

import java.time.Duration;
import lakehouse.stack.Faults;

/** Faults on the embedded stack: each component is stopped and started again on the same port and data. */
final class EmbeddedFaults implements Faults {
  private final KafkaBroker broker;
  private final ConnectWorker connect;
  private final RestCatalogServer catalog;
  private final PostgresServer postgres;

  EmbeddedFaults(KafkaBroker broker, ConnectWorker connect, RestCatalogServer catalog, PostgresServer postgres) {
    this.broker = broker;
    this.connect = connect;
    this.catalog = catalog;
    this.postgres = postgres;
  }

  @Override
  public void restartBroker() {
    broker.restart();
  }

  @Override
  public void restartIcebergWriter() throws Exception {
    connect.restart();
  }

  @Override
  public void cutCatalog(Duration outage) throws Exception {
    catalog.stopServing();
    try {
      Faults.lastFor(outage);
    } finally {
      catalog.startServing();
    }
  }

  @Override
  public void restartCatalogAndStore() throws Exception {
    catalog.stopServing();
    postgres.restart();
    catalog.startServing();
  }
}
