package lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {

  @Test
  void aRunIsRunningUntilItEndsThenPassedOrFailed() {
    RunOutcome outcome = new RunOutcome();
    outcome.passed("IngestSpec");
    outcome.skipped("ExactlyOnceSpec", 1);
    assertThat(outcome.outcome()).isEqualTo("running");

    outcome.finished();

    assertThat(outcome.outcome()).isEqualTo("passed");
    assertThat(outcome.totals()).isEqualTo(Map.of("passed", 1, "failed", 0, "skipped", 1));
  }

  @Test
  void aSignalBeforeTheEndIsInterruptedButASignalAfterItChangesNothing() {
    RunOutcome early = new RunOutcome();
    early.interrupted();
    early.finished();
    RunOutcome late = new RunOutcome();
    late.finished();
    late.interrupted();

    assertThat(early.outcome()).isEqualTo("interrupted");
    assertThat(late.outcome()).isEqualTo("passed");
  }

  @Test
  void aFailureKeepsItsSpecTestMessageAndLogAndLongMessagesAreCut() {
    RunOutcome outcome = new RunOutcome();
    outcome.failed("QuerySpec", "matchesTheOracle", new AssertionError("x".repeat(5_000)), null);
    outcome.failed("ExternalStackSpec", "passes", new IllegalStateException("child exited 1"), Path.of("target/child.log"));
    outcome.stackLogs(Path.of("target/lakehouse-report/logs"));
    outcome.finished();

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> failures = (List<Map<String, Object>>) outcome.toMap().get("failures");
    assertThat(outcome.outcome()).isEqualTo("failed");
    assertThat(failures.get(0)).containsEntry("spec", "QuerySpec").containsEntry("test", "matchesTheOracle")
        .containsEntry("log", Path.of("target/lakehouse-report/logs").toString());
    assertThat((String) failures.get(0).get("message")).startsWith("AssertionError: xxx").hasSizeLessThan(1_100)
        .endsWith("(the whole message is in the test report)");
    assertThat(failures.get(1)).containsEntry("log", Path.of("target/child.log").toString())
        .containsEntry("message", "IllegalStateException: child exited 1");
  }

  @Test
  void aFailedPreflightFailsTheRunThoughNoTestFailed() {
    RunOutcome outcome = new RunOutcome();
    outcome.preflightFailed("preflight: a setting is wrong: lakehouse.trades=ten …");
    outcome.skipped("IngestSpec", 2);
    outcome.finished();

    assertThat(outcome.outcome()).isEqualTo("failed");
    assertThat(outcome.anyTestFailed()).isFalse();
    assertThat(outcome.toMap()).containsEntry("preflight_failure", "preflight: a setting is wrong: lakehouse.trades=ten …");
  }
}
