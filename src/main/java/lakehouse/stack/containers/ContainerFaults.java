package lakehouse.stack.containers;

import java.time.Duration;
import lakehouse.stack.Faults;

/**
 * Faults on the containers stack. Every container keeps its filesystem and its fixed host ports
 * ({@link HostPorts}), so the addresses the JVM and Redpanda's advertised listener hold stay valid.
 */
final class ContainerFaults implements Faults {
  private final ContainerControl control;

  ContainerFaults(ContainerControl control) {
    this.control = control;
  }

  /**
   * Stop, write {@code redpanda.yaml} again, start: not {@code docker restart}, because the
   * Testcontainers entrypoint waits for a marker line rpk removed at the first start.
   */
  @Override
  public void restartBroker() {
    control.stop(StackWiring.REDPANDA);
    control.rewriteRedpandaNodeConfig();
    control.start(StackWiring.REDPANDA);
    control.awaitReady(StackWiring.REDPANDA);
  }

  /** Redpanda writes Iceberg itself: its writer restarts with the broker. */
  @Override
  public void restartIcebergWriter() {
    restartBroker();
  }

  /**
   * Pauses Polaris for {@code outage}: Redpanda's commits and the JVM's requests hang or time out,
   * as against a catalog that went away, and its state in memory and PostgreSQL is untouched.
   */
  @Override
  public void cutCatalog(Duration outage) {
    control.pause(StackWiring.POLARIS);
    try {
      Faults.lastFor(outage);
    } finally {
      control.unpause(StackWiring.POLARIS);
    }
    control.awaitReady(StackWiring.POLARIS);
  }

  /**
   * PostgreSQL first, then Polaris, whose relational-jdbc state lives there. Nothing is bootstrapped
   * again: the admin tool ran once, before the first start, and the server bootstraps no
   * relational-jdbc realm itself (auto-bootstrap is off for that persistence type).
   */
  @Override
  public void restartCatalogAndStore() {
    control.restart(StackWiring.POSTGRES);
    control.awaitReady(StackWiring.POSTGRES);
    control.restart(StackWiring.POLARIS);
    control.awaitReady(StackWiring.POLARIS);
  }
}
