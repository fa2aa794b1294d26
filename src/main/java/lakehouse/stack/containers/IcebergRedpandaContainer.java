package lakehouse.stack.containers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.redpanda.RedpandaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' Redpanda with our own cluster bootstrap file. The module offers no way to add
 * cluster properties, and its start hook writes its own {@code .bootstrap.yaml} after anything
 * copied earlier, so this hook replaces it (containers-stack.md §3.7, option a): bootstrap file
 * first, then {@code redpanda.yaml}, whose marker line releases the entrypoint.
 */
final class IcebergRedpandaContainer extends RedpandaContainer {
  static final String BOOTSTRAP_FILE = "/etc/redpanda/.bootstrap.yaml";
  static final String NODE_FILE = "/etc/redpanda/redpanda.yaml";
  /** The mode RedpandaContainer writes its files with; the container runs as root. */
  private static final int FILE_MODE = 0700;

  private final String bootstrapYaml;

  IcebergRedpandaContainer(String image, RedpandaBootstrapConfig bootstrap) {
    super(DockerImageName.parse(image).asCompatibleSubstituteFor("docker.redpanda.com/redpandadata/redpanda"));
    this.bootstrapYaml = bootstrap.yaml();
  }

  @Override
  protected void containerIsStarting(InspectContainerResponse containerInfo) {
    // Deliberately no super call: RedpandaContainer's hook would write its own bootstrap file.
    copyFileToContainer(Transferable.of(bootstrapYaml, FILE_MODE), BOOTSTRAP_FILE);
    writeNodeConfig();
  }

  /**
   * {@code redpanda.yaml}, advertising the Kafka API at the host-mapped port. Also written again
   * before a restart ({@link ContainerFaults}): rpk rewrites the file at start without its marker
   * line. The mapped port is a fixed binding ({@link HostPorts}), so the address stays the same.
   */
  void writeNodeConfig() {
    copyFileToContainer(
        Transferable.of(RedpandaNodeConfig.yaml(getHost(), getMappedPort(StackWiring.KAFKA_PORT)), FILE_MODE),
        NODE_FILE);
  }

  /** {@code host:port} without the {@code PLAINTEXT://} prefix of {@link #getBootstrapServers()}. */
  String kafkaAddress() {
    return getHost() + ":" + getMappedPort(StackWiring.KAFKA_PORT);
  }

  int schemaRegistryPort() {
    return getMappedPort(StackWiring.SCHEMA_REGISTRY_PORT);
  }

  @Override
  public String toString() {
    return "IcebergRedpandaContainer[" + getDockerImageName() + "]";
  }
}
