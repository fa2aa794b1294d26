package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.Map;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.Test;

class ContainerStackTest {
  private static final RunSettings SETTINGS = RunSettings.from(new Settings(Map.of(), Map.of()));

  @Test
  void withoutDockerStartFailsAtOnceNamingDockerAndBothOtherStacks() {
    assertThatThrownBy(() -> ContainerStack.start(SETTINGS, () -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Docker")
        .hasMessageContaining("-Dlakehouse.stack=embedded")
        .hasMessageContaining("-Dlakehouse.stack=external");
  }

  @Test
  void theDockerCheckAnswersWithinAFewSeconds() {
    long started = System.nanoTime();
    Docker.isAvailable();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Docker.ANSWER_TIMEOUT.plusSeconds(2));
  }

  @Test
  void onAMachineWithoutDockerTheRealStartFailsTheSameWay() {
    assumeThat(Docker.isAvailable()).as("this machine has no Docker engine").isFalse();

    assertThatThrownBy(() -> ContainerStack.start(SETTINGS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Docker")
        .hasMessageContaining("-Dlakehouse.stack=embedded")
        .hasMessageContaining("-Dlakehouse.stack=external");
  }
}
