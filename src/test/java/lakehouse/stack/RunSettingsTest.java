package lakehouse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

  @Test
  void defaultsMatchTheDesign() {
    RunSettings settings = RunSettings.from(new Settings(Map.of(), Map.of()));

    assertThat(settings.stack()).isEqualTo(StackKind.AUTO);
    assertThat(settings.trades()).isEqualTo(10_000);
    assertThat(settings.seed()).isEqualTo(42);
    assertThat(settings.commitInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.reportDir()).isEqualTo(Path.of("target", "lakehouse-report"));
    assertThat(settings.keepRunning()).isFalse();
  }

  @Test
  void systemPropertiesWinOverEnvironmentVariables() {
    RunSettings settings = RunSettings.from(new Settings(
        Map.of("lakehouse.stack", "embedded", "lakehouse.trades", "500"),
        Map.of("LAKEHOUSE_STACK", "containers", "LAKEHOUSE_TRADES", "7", "LAKEHOUSE_COMMIT_INTERVAL_MS", "250",
            "LAKEHOUSE_KEEP_RUNNING", "true")));

    assertThat(settings.stack()).isEqualTo(StackKind.EMBEDDED);
    assertThat(settings.trades()).isEqualTo(500);
    assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.keepRunning()).isTrue();
  }

  @Test
  void badValuesNameTheKeyAndTheFix() {
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of("lakehouse.trades", "ten"), Map.of())))
        .hasMessageContaining("lakehouse.trades=ten").hasMessageContaining("LAKEHOUSE_TRADES");
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of("lakehouse.trades", "0"), Map.of())))
        .hasMessageContaining("above 0");
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of(), Map.of("LAKEHOUSE_KEEP_RUNNING", "maybe"))))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of("lakehouse.stack", "kubernetes"), Map.of())))
        .hasMessageContaining("auto, containers, embedded, external");
  }

  @Test
  void environmentNamesFollowTheKey() {
    assertThat(Settings.environmentName("lakehouse.commit-interval-ms")).isEqualTo("LAKEHOUSE_COMMIT_INTERVAL_MS");
  }
}
