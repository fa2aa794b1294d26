package lakehouse.stack.containers;

import java.net.URI;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Apache Polaris on PostgreSQL: the Iceberg REST catalog and management API on 8181, Quarkus health
 * on 8182. Ready when {@code /q/health/ready} answers 200, which includes the JDBC connection.
 */
final class PolarisContainer extends GenericContainer<PolarisContainer> {
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration BOOTSTRAP_TIMEOUT = Duration.ofMinutes(3);
  /** Readiness, JDBC included; the start-up wait and the faults' wait after a restart both use it. */
  static final String HEALTH_PATH = "/q/health/ready";

  PolarisContainer(String image, Network network, ContainerCredentials credentials) {
    super(DockerImageName.parse(image));
    withNetwork(network);
    withNetworkAliases(StackWiring.POLARIS);
    withExposedPorts(StackWiring.POLARIS_API_PORT, StackWiring.POLARIS_MANAGEMENT_PORT);
    withEnv(PolarisEnvironment.server(credentials));
    waitingFor(Wait.forHttp(HEALTH_PATH)
        .forPort(StackWiring.POLARIS_MANAGEMENT_PORT)
        .forStatusCode(200)
        .withStartupTimeout(STARTUP_TIMEOUT));
  }

  /**
   * The admin tool, run once to completion before the server starts: relational-jdbc needs the
   * schema, realm and root principal bootstrapped first (§5.2). A non-zero exit fails its start.
   */
  static GenericContainer<?> adminTool(String image, Network network, ContainerCredentials credentials) {
    return new GenericContainer<>(DockerImageName.parse(image))
        .withNetwork(network)
        .withEnv(PolarisEnvironment.persistence(credentials))
        .withCommand(PolarisEnvironment.bootstrapCommand(credentials).toArray(String[]::new))
        .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(BOOTSTRAP_TIMEOUT));
  }

  /** {@code http://host:port} of the API port as mapped on the host. */
  String apiBaseUri() {
    return "http://" + getHost() + ":" + getMappedPort(StackWiring.POLARIS_API_PORT);
  }

  /** The readiness URI on the host-mapped management port, fixed so it survives a restart. */
  URI healthUri() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(StackWiring.POLARIS_MANAGEMENT_PORT) + HEALTH_PATH);
  }

  int apiPort() {
    return getMappedPort(StackWiring.POLARIS_API_PORT);
  }

  @Override
  public String toString() {
    return "PolarisContainer[" + getDockerImageName() + "]";
  }
}
