package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Map;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.Test;

class ContainerStackTest {
  private static final RunSettings SETTINGS =
      lakehouse.stacks.Stacks.settings(new Settings(Map.of("lakehouse.stack", "containers"), Map.of()));

  @Test
  void withoutDockerStartFailsSayingWhatHappenedAndNamingBothOtherStacks() {
    Docker.Answer none = new Docker.Answer(false, "no Docker engine was found: no Docker socket at /var/run/docker.sock");

    assertThatThrownBy(() -> ContainerStack.start(SETTINGS, () -> none))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lakehouse.stack=containers needs a Docker engine, but no Docker engine was found: no"
            + " Docker socket at /var/run/docker.sock")
        .hasMessageContaining("-Dlakehouse.stack=embedded")
        .hasMessageContaining("-Dlakehouse.stack=external");
  }

  @Test
  void onAMachineWithoutDockerTheRealStartFailsTheSameWay() {
    assumeThat(Docker.isAvailable()).as("this machine has no Docker engine").isFalse();

    assertThatThrownBy(() -> ContainerStack.start(SETTINGS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Docker.answer().description())
        .hasMessageContaining("-Dlakehouse.stack=embedded")
        .hasMessageContaining("-Dlakehouse.stack=external");
  }
}
