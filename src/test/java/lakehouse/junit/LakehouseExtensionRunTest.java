package lakehouse.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The real extension runs small fixture spec classes in this JVM through JUnit's launcher, as
 * failsafe runs the spec: a passing run, a failing run, and a run stopped by a bad setting each
 * leave a run.json that says so, a summary on the console, and no false alarm. The fixtures
 * resolve no handle, so no stack starts; the preflight's DuckDB step is switched off for them
 * ({@link LakehouseExtension#PREFLIGHT_DUCKDB}), and is tested with real DuckDB elsewhere.
 */
class LakehouseExtensionRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aPassingRunReportsPassedWithCountsPerSpecAndNoFalseAlarm(@TempDir Path reportDir) throws Exception {
    Run run = launch(reportDir, Map.of(), PassingFixture.class, SecondPassingFixture.class);

    assertThat(run.json().path("outcome").asText()).isEqualTo("passed");
    assertThat(run.json().path("tests").path("PassingFixture").toString()).isEqualTo("{\"passed\":2,\"failed\":0,\"skipped\":1}");
    assertThat(run.json().path("tests").path("SecondPassingFixture").toString()).isEqualTo("{\"passed\":1,\"failed\":0,\"skipped\":0}");
    assertThat(run.json().path("failures")).isEmpty();
    assertThat(run.console()).contains("[lakehouse] preflight passed in ", "[lakehouse] outcome: PASSED (3 passed, 0 failed, 1 skipped)",
        "[lakehouse] report: " + reportDir.resolve("run.md"));
    assertThat(run.console()).doesNotContain("failed;", "stack logs");
    assertThat(Files.readString(reportDir.resolve("run.md"))).contains("**Outcome: passed** (3 passed, 0 failed, 1 skipped)");
  }

  @Test
  void aFailingRunReportsFailedWithTheSpecTheMessageAndTheLogToRead(@TempDir Path reportDir) throws Exception {
    Run run = launch(reportDir, Map.of(), FailingFixture.class);

    assertThat(run.json().path("outcome").asText()).isEqualTo("failed");
    assertThat(run.json().path("tests").path("FailingFixture").toString()).isEqualTo("{\"passed\":1,\"failed\":1,\"skipped\":0}");
    JsonNode failure = run.json().path("failures").get(0);
    assertThat(failure.path("spec").asText()).isEqualTo("FailingFixture");
    assertThat(failure.path("test").asText()).isEqualTo("theAnswerIsWrong");
    assertThat(failure.path("message").asText()).contains("[the answer]", "expected: 42");
    // this JVM's stack log: lakehouse-stack.log, or lakehouse-stack-<fork>.log in surefire's JVMs
    assertThat(failure.path("log").asText()).matches(".*/lakehouse-stack(-[0-9]+)?\\.log");
    assertThat(run.console()).contains("[lakehouse] outcome: FAILED (1 passed, 1 failed, 0 skipped)",
        "[lakehouse] failed: FailingFixture.theAnswerIsWrong: ");
    assertThat(run.summary().getTotalFailureCount()).isEqualTo(1);
  }

  @Test
  void eachDynamicTestOfATestFactoryIsATestOfTheReport(@TempDir Path reportDir) throws Exception {
    Run run = launch(reportDir, Map.of(), DynamicFixture.class, BrokenFactoryFixture.class);

    // JUnit calls no TestWatcher for these; without the extension's interceptor they were missing from the report.
    assertThat(run.json().path("outcome").asText()).isEqualTo("failed");
    assertThat(run.json().path("tests").path("DynamicFixture").toString()).isEqualTo("{\"passed\":1,\"failed\":1,\"skipped\":1}");
    assertThat(run.json().path("tests").path("BrokenFactoryFixture").toString()).isEqualTo("{\"passed\":0,\"failed\":1,\"skipped\":0}");
    assertThat(run.json().path("failures")).extracting(failure -> failure.path("test").asText())
        .containsExactlyInAnyOrder("cases wrong answer", "cases");
    assertThat(run.json().path("failures").get(0).path("message").asText() + run.json().path("failures").get(1).path("message"))
        .contains("expected: 42", "no case file");
    assertThat(run.summary().getTotalFailureCount()).isEqualTo(2);
  }

  @Test
  void aBadSettingStopsEverySpecWithOneErrorAndReplacesTheLastReport(@TempDir Path reportDir) throws Exception {
    Files.writeString(reportDir.resolve("run.json"), "{\"outcome\":\"passed\"}");

    Run run = launch(reportDir, Map.of("lakehouse.trades", "ten"), PassingFixture.class, SecondPassingFixture.class);

    assertThat(run.json().path("outcome").asText()).isEqualTo("failed");
    assertThat(run.json().path("preflight_failure").asText()).contains("lakehouse.trades=ten is not a whole number above 0");
    assertThat(run.json().path("totals").toString()).isEqualTo("{\"passed\":0,\"failed\":0,\"skipped\":4}");
    assertThat(occurrences(run.console(), "lakehouse.trades=ten is not a whole number")).as("the error, printed once").isEqualTo(1);
    assertThat(run.console()).contains("[lakehouse] PassingFixture: not run: preflight failed",
        "[lakehouse] SecondPassingFixture: not run: preflight failed");
    assertThat(run.console()).doesNotContain("starting the", "Exception");
    assertThat(run.summary().getTestsStartedCount()).as("tests that ran").isZero();
    assertThat(run.summary().getTotalFailureCount()).as("failures: one, so the build fails").isEqualTo(1);
    assertThat(run.summary().getFailures().get(0).getException()).hasMessageStartingWith(SessionSlot.NOT_RUN)
        .hasNoCause().satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  @Test
  void aRunThatWritesItsOwnReportLeavesRunJsonAlone(@TempDir Path reportDir) throws Exception {
    Run run = launch(reportDir, Map.of(), BenchmarkFixture.class);

    assertThat(reportDir.resolve("run.json")).doesNotExist();
    assertThat(run.summary().getTestsSucceededCount()).isEqualTo(1);
    assertThat(run.console()).contains("[lakehouse] outcome: PASSED").doesNotContain("run.md");
  }

  private record Run(String console, TestExecutionSummary summary, JsonNode json) {}

  /**
   * Runs fixture classes as failsafe runs specs, capturing the console. The run's settings are these
   * and nothing else: JUnit's implicit configuration parameters (system properties, junit-platform.properties)
   * are off, and the extension reads no setting of this JVM ({@link LakehouseExtension#SETTINGS_FROM_JVM}).
   */
  private static Run launch(Path reportDir, Map<String, String> settings, Class<?>... fixtures) throws Exception {
    Map<String, String> parameters = new HashMap<>(settings);
    parameters.put("lakehouse.report-dir", reportDir.toString());
    parameters.put("lakehouse.stack", "embedded");
    parameters.put(LakehouseExtension.SETTINGS_FROM_JVM, "false");
    parameters.put(LakehouseExtension.PREFLIGHT_DUCKDB, "false");
    // As src/test/resources/junit-platform.properties orders the specs.
    parameters.put("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
    PassingFixture.reportDir = reportDir;
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try {
      LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
          .selectors(Arrays.stream(fixtures).map(fixture -> selectClass(fixture)).toList())
          .enableImplicitConfigurationParameters(false)
          .configurationParameters(parameters)
          .build();
      LauncherFactory.create().execute(request, listener);
    } finally {
      System.setOut(console);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    console.print(output);
    Path runJson = reportDir.resolve("run.json");
    return new Run(output, listener.getSummary(), Files.exists(runJson) ? JSON.readTree(runJson.toFile()) : null);
  }

  private static int occurrences(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  @LakehouseSpec
  @Order(1)
  static class PassingFixture {
    /** The launch's report directory; the fixture is handed no settings. */
    static volatile Path reportDir;

    @Test
    void passes() {
      assertThat(6 * 7).isEqualTo(42);
    }

    @Test
    void seesTheReportOfThisRunSayRunning() throws Exception {
      JsonNode report = JSON.readTree(reportDir.resolve("run.json").toFile());
      assertThat(report.path("outcome").asText()).isEqualTo("running");
    }

    @Test
    void isSkippedForWantOfACapability() {
      assumeTrue(false, "the stack lacks FAULT_INJECTION");
    }
  }

  @LakehouseSpec
  @Order(2)
  static class SecondPassingFixture {
    @Test
    void passesToo() {
      assertThat("trades").startsWith("trade");
    }
  }

  @LakehouseSpec
  static class FailingFixture {
    @Test
    void theAnswerIsWrong() {
      assertThat(6 * 9).as("the answer").isEqualTo(42);
    }

    @Test
    void passes() {
      assertThat(true).isTrue();
    }
  }

  @LakehouseSpec
  static class DynamicFixture {
    @TestFactory
    List<DynamicTest> cases() {
      return List.of(
          DynamicTest.dynamicTest("right answer", () -> assertThat(6 * 7).isEqualTo(42)),
          DynamicTest.dynamicTest("wrong answer", () -> assertThat(6 * 9).isEqualTo(42)),
          DynamicTest.dynamicTest("missing capability", () -> assumeTrue(false, "the stack lacks FAULT_INJECTION")));
    }
  }

  @LakehouseSpec
  static class BrokenFactoryFixture {
    @TestFactory
    List<DynamicTest> cases() {
      throw new IllegalStateException("no case file in the conformance directory");
    }
  }

  @LakehouseSpec(writesRunReport = false)
  static class BenchmarkFixture {
    @Test
    void measures() {
      assertThat(1).isPositive();
    }
  }
}
