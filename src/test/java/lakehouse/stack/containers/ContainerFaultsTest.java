package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerFaultsTest {
  private static final ContainerCredentials CREDENTIALS =
      new ContainerCredentials("minio-user", "minio-password", "root", "polaris-secret", "pg", "pg-password",
          "token-key");

  private final RecordingControl control = new RecordingControl();
  private final ContainerFaults faults = new ContainerFaults(control);

  /** Not docker restart: the Testcontainers entrypoint would wait forever for the marker rpk removed. */
  @Test
  void aBrokerRestartStopsRedpandaWritesItsNodeConfigAgainThenStartsItAndWaits() {
    faults.restartBroker();

    assertThat(control.steps).containsExactly(
        "stop redpanda", "rewrite redpanda.yaml", "start redpanda", "await redpanda");
  }

  @Test
  void theIcebergWriterIsRedpandaItself() {
    faults.restartIcebergWriter();

    assertThat(control.steps).containsExactly(
        "stop redpanda", "rewrite redpanda.yaml", "start redpanda", "await redpanda");
  }

  @Test
  void aCatalogOutagePausesPolarisForTheOutageThenWaitsForItsHealth() {
    faults.cutCatalog(Duration.ofMillis(200));

    assertThat(control.steps).containsExactly("pause polaris", "unpause polaris", "await polaris");
    assertThat(control.nanos.get(1) - control.nanos.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
  }

  @Test
  void theDatabaseRestartsAndAnswersBeforePolarisRestarts() {
    faults.restartCatalogAndStore();

    assertThat(control.steps).containsExactly("restart postgres", "await postgres", "restart polaris", "await polaris");
  }

  /**
   * A restarted Polaris must find its realm in PostgreSQL, not bootstrap one: the server
   * auto-bootstraps only the persistence types in polaris.persistence.auto-bootstrap-types
   * (default in-memory and nosql), and the admin tool runs once, before the first start.
   */
  @Test
  void aRestartedPolarisBootstrapsNothing() {
    assertThat(PolarisEnvironment.server(CREDENTIALS)).containsEntry("POLARIS_PERSISTENCE_TYPE", "relational-jdbc")
        .doesNotContainKey("POLARIS_PERSISTENCE_AUTO_BOOTSTRAP_TYPES");
  }

  private static final class RecordingControl implements ContainerControl {
    final List<String> steps = new ArrayList<>();
    final List<Long> nanos = new ArrayList<>();

    private void record(String step) {
      steps.add(step);
      nanos.add(System.nanoTime());
    }

    @Override
    public void stop(String name) {
      record("stop " + name);
    }

    @Override
    public void start(String name) {
      record("start " + name);
    }

    @Override
    public void restart(String name) {
      record("restart " + name);
    }

    @Override
    public void pause(String name) {
      record("pause " + name);
    }

    @Override
    public void unpause(String name) {
      record("unpause " + name);
    }

    @Override
    public void rewriteRedpandaNodeConfig() {
      record("rewrite redpanda.yaml");
    }

    @Override
    public void awaitReady(String name) {
      record("await " + name);
    }
  }
}
