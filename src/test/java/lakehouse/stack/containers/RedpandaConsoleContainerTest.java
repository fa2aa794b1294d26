package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;

/** The container as defined, before any Docker engine sees it. */
class RedpandaConsoleContainerTest {
  private final RedpandaConsoleContainer console =
      new RedpandaConsoleContainer(ContainerImages.pinned().redpandaConsole(), Network.newNetwork());

  @Test
  void runsOnTheStackNetworkWithItsUiPortExposed() {
    // The image name is not asked for here: Testcontainers resolves it through Docker (ContainerImagesTest pins it).
    assertThat(console.getNetworkAliases()).contains("redpanda-console");
    assertThat(console.getExposedPorts()).containsExactly(8080);
  }

  @Test
  void readsItsConfigurationFromTheFileConfigFilepathNames() {
    assertThat(console.getEnvMap()).containsEntry("CONFIG_FILEPATH", "/etc/redpanda/redpanda-console-config.yaml");
    assertThat(RedpandaConsoleConfig.FILE_IN_CONTAINER).isEqualTo("/etc/redpanda/redpanda-console-config.yaml");
    assertThat(console.configYaml()).isEqualTo(RedpandaConsoleConfig.insideStackNetwork().yaml())
        .contains("redpanda:29092", "http://redpanda:8081", "http://redpanda:9644");
  }
}
