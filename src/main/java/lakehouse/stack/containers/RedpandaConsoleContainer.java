package lakehouse.stack.containers;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Redpanda Console on the stack's network, reading {@link RedpandaConsoleConfig#insideStackNetwork()}
 * from the file {@code CONFIG_FILEPATH} names. Its UI port is mapped to an ephemeral host port; it is
 * ready when {@code /admin/health} answers 200 (Console's liveness route, {@code backend/pkg/api/routes.go}).
 */
final class RedpandaConsoleContainer extends GenericContainer<RedpandaConsoleContainer> {
  static final String HEALTH_PATH = "/admin/health";
  /** Console waits for the broker at its own start; Redpanda already answers by then. */
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
  /** World-readable: the image's user need not be root. The file holds no secret. */
  private static final int FILE_MODE = 0644;

  private final String configYaml = RedpandaConsoleConfig.insideStackNetwork().yaml();

  RedpandaConsoleContainer(String image, Network network) {
    super(DockerImageName.parse(image));
    withNetwork(network);
    withNetworkAliases(StackWiring.REDPANDA_CONSOLE);
    withExposedPorts(StackWiring.REDPANDA_CONSOLE_PORT);
    withEnv("CONFIG_FILEPATH", RedpandaConsoleConfig.FILE_IN_CONTAINER);
    withCopyToContainer(Transferable.of(configYaml, FILE_MODE), RedpandaConsoleConfig.FILE_IN_CONTAINER);
    waitingFor(Wait.forHttp(HEALTH_PATH)
        .forPort(StackWiring.REDPANDA_CONSOLE_PORT)
        .forStatusCode(200)
        .withStartupTimeout(STARTUP_TIMEOUT));
  }

  /** The configuration file copied to {@link RedpandaConsoleConfig#FILE_IN_CONTAINER} before the container starts. */
  String configYaml() {
    return configYaml;
  }

  /** The UI as the host's browser reaches it. */
  String url() {
    return "http://" + getHost() + ":" + getMappedPort(StackWiring.REDPANDA_CONSOLE_PORT);
  }

  @Override
  public String toString() {
    return "RedpandaConsoleContainer[" + getDockerImageName() + "]";
  }
}
