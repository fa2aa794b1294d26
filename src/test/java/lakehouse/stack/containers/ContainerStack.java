package lakehouse.stack.containers;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import lakehouse.stack.Capability;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergTopics;
import lakehouse.stack.LakehouseStack;
import lakehouse.stack.RunSettings;
import lakehouse.stack.StackKind;
import lakehouse.stack.redpanda.RedpandaIcebergTopics;

/**
 * The real thing in Testcontainers: Redpanda with Iceberg Topics and Tiered Storage on MinIO,
 * committing into Apache Polaris on PostgreSQL, all on one Docker network. Nothing stands in.
 *
 * <pre>{@code
 * try (ContainerStack stack = ContainerStack.start(RunSettings.from(Settings.fromJvm()))) {
 *   stack.icebergTopics().create("trades", JsonSchema.fromResource("schemas/trades.schema.json"));
 * }
 * }</pre>
 *
 * <p>Written from documentation (docs/containers-stack.md): it runs only where a Docker engine
 * answers, and without one {@link #start} fails within seconds, naming the other stacks.
 */
public final class ContainerStack implements LakehouseStack {
  private final ContainerImages images;
  private final StartedContainers containers;
  private final Endpoints endpoints;
  private final IcebergTopics icebergTopics;

  private ContainerStack(ContainerImages images, StartedContainers containers, Endpoints endpoints) {
    this.images = images;
    this.containers = containers;
    this.endpoints = endpoints;
    this.icebergTopics = new RedpandaIcebergTopics(endpoints);
  }

  /**
   * Starts the stack and returns once Polaris holds the catalog and Redpanda accepts requests.
   *
   * @throws IllegalStateException at once when no Docker engine answers, or when a container does
   *     not start; then the logs of every container are in {@code <reportDir>/containers}
   */
  public static ContainerStack start(RunSettings settings) {
    return start(settings, Docker::isAvailable);
  }

  static ContainerStack start(RunSettings settings, BooleanSupplier dockerAvailable) {
    if (!dockerAvailable.getAsBoolean()) {
      throw new IllegalStateException(Docker.unavailableMessage());
    }
    ContainerImages images = ContainerImages.from(settings.source());
    ContainerCredentials credentials = ContainerCredentials.generate();
    StartedContainers containers = new StartedContainers(credentials);
    ContainerStackStarter starter =
        new ContainerStackStarter(images, credentials, settings.commitInterval(), containers);
    try {
      return new ContainerStack(images, containers, starter.start());
    } catch (RuntimeException e) {
      containers.close();
      Path logs = settings.reportDir().resolve("containers");
      IllegalStateException failure = new IllegalStateException("the containers stack failed to " + starter.step()
          + ": " + e.getMessage() + " (container logs: " + logs.toAbsolutePath() + ")", e);
      try {
        containers.dumpLogs(logs);
      } catch (RuntimeException notWritten) {
        failure.addSuppressed(notWritten);
      }
      throw failure;
    }
  }

  @Override
  public StackKind kind() {
    return StackKind.CONTAINERS;
  }

  @Override
  public String banner() {
    return images.banner();
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public IcebergTopics icebergTopics() {
    return icebergTopics;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.CATALOG_ACCESS_CONTROL);
  }

  /**
   * Writes {@code redpanda.log}, {@code polaris.log}, {@code polaris-bootstrap.log},
   * {@code postgres.log} and {@code minio.log} into {@code dir}, secrets masked. Works before and
   * after {@link #close()}.
   */
  @Override
  public void dumpLogs(Path dir) {
    containers.dumpLogs(dir);
  }

  /** Stops Redpanda, Polaris, PostgreSQL and MinIO in that order, then the network. Idempotent. */
  @Override
  public void close() {
    containers.close();
  }

  @Override
  public String toString() {
    return "ContainerStack[" + images.banner() + ", " + endpoints + "]";
  }
}
