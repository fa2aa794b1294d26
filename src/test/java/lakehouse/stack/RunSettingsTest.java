package lakehouse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
  private static final UnaryOperator<StackKind> NO_DOCKER = requested ->
      requested == StackKind.AUTO ? StackKind.EMBEDDED : requested;
  private static final UnaryOperator<StackKind> DOCKER = requested ->
      requested == StackKind.AUTO ? StackKind.CONTAINERS : requested;

  @Test
  void defaultsMatchTheDesign() {
    RunSettings settings = RunSettings.from(new Settings(Map.of(), Map.of()), NO_DOCKER);

    assertThat(settings.stack()).isEqualTo(StackKind.EMBEDDED);
    assertThat(settings.trades()).isEqualTo(10_000);
    assertThat(settings.seed()).isEqualTo(42);
    assertThat(settings.commitInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.visibilityTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.reportDir()).isEqualTo(Path.of("target", "lakehouse-report"));
    assertThat(settings.keepRunning()).isFalse();
  }

  @Test
  void systemPropertiesWinOverEnvironmentVariables() {
    RunSettings settings = RunSettings.from(new Settings(
        Map.of("lakehouse.stack", "embedded", "lakehouse.trades", "500"),
        Map.of("LAKEHOUSE_STACK", "containers", "LAKEHOUSE_TRADES", "7", "LAKEHOUSE_COMMIT_INTERVAL_MS", "250",
            "LAKEHOUSE_KEEP_RUNNING", "true")), DOCKER);

    assertThat(settings.stack()).isEqualTo(StackKind.EMBEDDED);
    assertThat(settings.trades()).isEqualTo(500);
    assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.keepRunning()).isTrue();
  }

  @Test
  void autoIsResolvedBeforeTheIntervalSoItsDefaultFollowsTheStackThatRuns() {
    RunSettings withoutDocker = RunSettings.from(new Settings(Map.of(), Map.of()), NO_DOCKER);
    RunSettings withDocker = RunSettings.from(new Settings(Map.of(), Map.of()), DOCKER);

    assertThat(withoutDocker.stack()).isEqualTo(StackKind.EMBEDDED);
    assertThat(withoutDocker.commitInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(withDocker.stack()).isEqualTo(StackKind.CONTAINERS);
    assertThat(withDocker.commitInterval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void whereRedpandaCommitsTheDefaultIsItsTenSecondMinimum() {
    assertThat(interval(Map.of("lakehouse.stack", "containers"))).isEqualTo(Duration.ofSeconds(10));
    assertThat(interval(externalRedpanda())).isEqualTo(Duration.ofSeconds(10));
    assertThat(interval(Map.of("lakehouse.stack", "embedded"))).isEqualTo(Duration.ofSeconds(1));
    Map<String, String> connect = new HashMap<>(externalRedpanda());
    connect.put("lakehouse.connect.url", "http://connect:8083");
    assertThat(interval(connect)).as("Kafka Connect wins over the Schema Registry").isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void anIntervalUnderRedpandasMinimumIsRefusedWhenTheSettingsAreRead() {
    Map<String, String> containers = Map.of("lakehouse.stack", "containers", "lakehouse.commit-interval-ms", "5000");
    Map<String, String> external = new HashMap<>(externalRedpanda());
    external.put("lakehouse.commit-interval-ms", "9999");

    assertThatThrownBy(() -> interval(containers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lakehouse.commit-interval-ms=5000 is below 10000 ms")
        .hasMessageContaining("redpanda.iceberg.target.lag.ms")
        .hasMessageContaining("containers stack")
        .hasMessageContaining("LAKEHOUSE_COMMIT_INTERVAL_MS");
    assertThatThrownBy(() -> interval(external))
        .hasMessageContaining("lakehouse.commit-interval-ms=9999 is below 10000 ms")
        .hasMessageContaining("lakehouse.schema-registry.url without lakehouse.connect.url");
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of("lakehouse.commit-interval-ms", "1000"), Map.of()),
        DOCKER)).as("auto that chose containers").hasMessageContaining("containers stack");
  }

  @Test
  void atOrAboveTheMinimumAndOnTheSinkStacksAnyIntervalIsAccepted() {
    assertThat(interval(Map.of("lakehouse.stack", "containers", "lakehouse.commit-interval-ms", "10000")))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(interval(Map.of("lakehouse.stack", "containers", "lakehouse.commit-interval-ms", "30000")))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(interval(Map.of("lakehouse.stack", "embedded", "lakehouse.commit-interval-ms", "200")))
        .isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void waitsGrowWithTheIntervalUnlessSetExplicitly() {
    RunSettings containers = RunSettings.from(new Settings(Map.of("lakehouse.stack", "containers"), Map.of()), DOCKER);
    RunSettings slow = RunSettings.from(new Settings(Map.of("lakehouse.stack", "embedded",
        "lakehouse.commit-interval-ms", "60000", "lakehouse.visibility-timeout-ms", "900000"), Map.of()), DOCKER);

    assertThat(containers.visibilityTimeout()).isEqualTo(Duration.ofSeconds(210));
    assertThat(containers.commitWait(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(390));
    assertThat(slow.visibilityTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(CommitIntervals.scaled(Duration.ofMinutes(2), Duration.ofMillis(200))).isEqualTo(Duration.ofMinutes(2));
    assertThat(CommitIntervals.scaled(Duration.ofMinutes(2), Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aBadValueFailsBeforeDockerIsAsked() {
    UnaryOperator<StackKind> mustNotAsk = requested -> {
      throw new AssertionError("Docker was asked although a setting is invalid");
    };

    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of("lakehouse.trades", "ten"), Map.of()), mustNotAsk))
        .hasMessageContaining("lakehouse.trades=ten");
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of("lakehouse.commit-interval-ms", "1s"), Map.of()),
        mustNotAsk)).hasMessageContaining("lakehouse.commit-interval-ms=1s");
  }

  @Test
  void badValuesNameTheKeyAndTheFix() {
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of("lakehouse.trades", "ten"), Map.of()), NO_DOCKER))
        .hasMessageContaining("lakehouse.trades=ten").hasMessageContaining("LAKEHOUSE_TRADES");
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of("lakehouse.trades", "0"), Map.of()), NO_DOCKER))
        .hasMessageContaining("above 0");
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of(), Map.of("LAKEHOUSE_KEEP_RUNNING", "maybe")),
        NO_DOCKER)).hasMessageContaining("true or false");
    assertThatThrownBy(() -> RunSettings.from(new Settings(Map.of("lakehouse.stack", "kubernetes"), Map.of()), NO_DOCKER))
        .hasMessageContaining("auto, containers, embedded, external");
  }

  @Test
  void environmentNamesFollowTheKey() {
    assertThat(Settings.environmentName("lakehouse.commit-interval-ms")).isEqualTo("LAKEHOUSE_COMMIT_INTERVAL_MS");
  }

  private static Duration interval(Map<String, String> properties) {
    return RunSettings.from(new Settings(properties, Map.of()), NO_DOCKER).commitInterval();
  }

  private static Map<String, String> externalRedpanda() {
    return Map.of("lakehouse.stack", "external", "lakehouse.schema-registry.url", "http://broker-1:8081");
  }
}
