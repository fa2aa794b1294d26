package lakehouse.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionEvaluationListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The heartbeat names what a quiet run is busy with, innermost phase first-hand, and only while the console is quiet. */
class HeartbeatTest {
  private static final Duration LONG_ENOUGH = Duration.ofSeconds(10);
  /** The test's own waits report to nobody, so that only the phases under test show in the heartbeat. */
  private static final ConditionEvaluationListener<Object> UNSEEN = condition -> { };
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void captureTheConsole(TestInfo test) {
    original = System.out;
    // Said on the real console, so the build is not silent while the test holds it.
    original.println("[lakehouse] HeartbeatTest." + test.getTestMethod().map(m -> m.getName()).orElse("?")
        + " captures the console for a second or two");
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    Heartbeat.install();
  }

  @AfterEach
  void restoreTheConsole() {
    System.setOut(original);
  }

  @Test
  void aQuietPhaseIsNamedWithItsProgress() {
    AtomicInteger rows = new AtomicInteger(6_000);
    Phase committing = Phase.begin("committing trades", () -> String.format("%,d / 10,000 rows", rows.get()));
    try (committing) {
      await("a heartbeat line").atMost(LONG_ENOUGH).conditionEvaluationListener(UNSEEN).until(() -> heartbeats().size() >= 1);
    }
    assertThat(committing.isOpen()).isFalse();
    assertThat(heartbeats()).anySatisfy(line -> assertThat(line).startsWith(Heartbeat.PREFIX)
        .contains("committing trades: 6,000 / 10,000 rows, ").endsWith(" s"));
  }

  @Test
  void onlyTheInnermostPhasesAreNamedAndClosingAParentEndsItsChildren() {
    Phase child;
    try (Phase stack = Phase.begin("starting the embedded stack")) {
      child = Phase.begin("starting Kafka broker (KRaft)");
      await("a heartbeat line").atMost(LONG_ENOUGH).conditionEvaluationListener(UNSEEN).until(() -> heartbeats().size() >= 1);
    }
    assertThat(child.isOpen()).isFalse();
    assertThat(heartbeats().get(0)).contains("starting Kafka broker (KRaft): ").doesNotContain("embedded stack");
  }

  @Test
  void nothingIsPrintedWithoutAnOpenPhase() {
    // A wait of an earlier test class in this JVM that ended by throwing counts as open until it expires.
    await("no open phase").atMost(LONG_ENOUGH).conditionEvaluationListener(UNSEEN)
        .until(() -> Phases.innermost(System.nanoTime(), Heartbeat.EXPIRED_NANOS).isEmpty());
    console.reset();
    long quietSince = System.nanoTime();
    // Long enough for a heartbeat: a second of quiet and two of its ticks.
    await("a second and a half of quiet").atMost(LONG_ENOUGH).pollInterval(Duration.ofMillis(100))
        .conditionEvaluationListener(UNSEEN).until(() -> System.nanoTime() - quietSince > Heartbeat.QUIET_NANOS + 500_000_000L);
    assertThat(heartbeats()).isEmpty();
  }

  @Test
  void aWaitWithoutItsOwnProgressBecomesAPhaseNamedByItsAlias() {
    await("3 dead letters in trades~dlq").atMost(LONG_ENOUGH).pollInterval(Duration.ofMillis(100))
        .until(() -> heartbeats().stream().anyMatch(line -> line.contains("waiting for 3 dead letters in trades~dlq: ")));
    assertThat(heartbeats()).anySatisfy(line -> assertThat(line).startsWith(Heartbeat.PREFIX)
        .contains("waiting for 3 dead letters in trades~dlq: ").endsWith(" s"));
  }

  private List<String> heartbeats() {
    return console.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith(Heartbeat.PREFIX)).toList();
  }
}
