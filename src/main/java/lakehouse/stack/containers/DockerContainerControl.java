package lakehouse.stack.containers;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;
import lakehouse.stack.Endpoints;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * {@link ContainerControl} with docker-java, on the client Testcontainers itself uses. The
 * containers stay Testcontainers' own: same ids, so {@code close()} and {@code dumpLogs} still work,
 * and the logs of a restarted container hold every run.
 */
final class DockerContainerControl implements ContainerControl {
  /**
   * Grace before SIGKILL. Docker's default of 10 s may cut Redpanda's or PostgreSQL's clean
   * shutdown short; the faults mean a restart, not a crash.
   */
  private static final int STOP_TIMEOUT_SECONDS = 30;

  private final DockerClient docker = DockerClientFactory.instance().client();
  private final IcebergRedpandaContainer redpanda;
  private final Map<String, GenericContainer<?>> containers;
  private final Map<String, Runnable> readiness;

  /** @param endpoints the stack's endpoints, on fixed host ports, which the readiness checks reach */
  DockerContainerControl(IcebergRedpandaContainer redpanda, PolarisContainer polaris, PostgreSQLContainer postgres,
      Endpoints endpoints) {
    this.redpanda = redpanda;
    this.containers = Map.of(StackWiring.REDPANDA, redpanda, StackWiring.POLARIS, polaris, StackWiring.POSTGRES, postgres);
    this.readiness = Map.of(
        StackWiring.REDPANDA,
        () -> ContainerReadiness.awaitRedpanda(endpoints.kafka().bootstrapServers(), endpoints.schemaRegistryUrl()),
        StackWiring.POLARIS, () -> ContainerReadiness.awaitPolaris(polaris.healthUri()),
        StackWiring.POSTGRES, () -> ContainerReadiness.awaitPostgres(postgres));
  }

  @Override
  public void stop(String name) {
    docker.stopContainerCmd(id(name)).withTimeout(STOP_TIMEOUT_SECONDS).exec();
  }

  @Override
  public void start(String name) {
    docker.startContainerCmd(id(name)).exec();
  }

  @Override
  public void restart(String name) {
    docker.restartContainerCmd(id(name)).withTimeout(STOP_TIMEOUT_SECONDS).exec();
  }

  @Override
  public void pause(String name) {
    docker.pauseContainerCmd(id(name)).exec();
  }

  @Override
  public void unpause(String name) {
    docker.unpauseContainerCmd(id(name)).exec();
  }

  /** Docker copies into a stopped container too, so the file is in place before the entrypoint runs. */
  @Override
  public void rewriteRedpandaNodeConfig() {
    redpanda.writeNodeConfig();
  }

  @Override
  public void awaitReady(String name) {
    Runnable check = readiness.get(name);
    if (check == null) {
      throw new IllegalArgumentException("no readiness check for container " + name);
    }
    check.run();
  }

  private String id(String name) {
    GenericContainer<?> container = containers.get(name);
    if (container == null || container.getContainerId() == null) {
      throw new IllegalStateException("no running container " + name + " to inject a fault into");
    }
    return container.getContainerId();
  }
}
