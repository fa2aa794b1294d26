package lakehouse.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import lakehouse.lifecycle.Shutdown;
import lakehouse.preflight.Preflight;
import lakehouse.preflight.PreflightFailure;
import lakehouse.progress.Heartbeat;
import lakehouse.progress.Phase;
import lakehouse.report.RunOutcome;
import lakehouse.report.RunReport;
import lakehouse.report.RunSummary;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.opentest4j.TestAbortedException;

/**
 * One run per JVM, kept in JUnit's root store: the preflight when the first spec class begins, the
 * session when a spec first needs it, the outcome of every test, and at the end the report and a
 * short summary. A failed preflight is printed once; the first spec class then fails with a one-line
 * "not run" and every later one is skipped the same way, so no stack and no child JVM ever starts.
 */
final class SessionSlot implements AutoCloseable {
  static final String NOT_RUN = "not run: preflight failed";

  private final RunOutcome outcome = new RunOutcome();
  private RunReport report;
  private Path reportDir;
  private RunSettings settings;
  private boolean begun;
  private boolean preflightFailureThrown;
  private LakehouseSession session;
  private RuntimeException startFailure;

  RunOutcome outcome() {
    return outcome;
  }

  /** Called before each spec class: the first one runs the preflight; a failed preflight stops every spec. */
  synchronized void beginSpec(ExtensionContext context) {
    if (!begun) {
      begun = true;
      begin(context);
    }
    if (!outcome.preflightPassed()) {
      Class<?> spec = context.getRequiredTestClass();
      outcome.skipped(spec.getSimpleName(),
          AnnotationSupport.findAnnotatedMethods(spec, Test.class, HierarchyTraversalMode.TOP_DOWN).size());
      out().println("[lakehouse] " + spec.getSimpleName() + ": " + NOT_RUN);
      if (!preflightFailureThrown) {
        preflightFailureThrown = true;
        // Fails the build once; the reason itself was printed once, above, and is in run.json.
        throw new PreflightFailure(NOT_RUN + " (the error is printed above and recorded in " + reportDir.resolve("run.json") + ")");
      }
      throw new TestAbortedException(NOT_RUN);
    }
  }

  private void begin(ExtensionContext context) {
    Heartbeat.install();
    Settings source = LakehouseExtension.settings(context);
    reportDir = reportDir(source);
    boolean writesRunReport = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LakehouseSpec.class)
        .map(LakehouseSpec::writesRunReport).orElse(true);
    report = new RunReport(outcome, writesRunReport);
    report.put("stack", source.string(RunSettings.STACK, "auto"));
    // An earlier run's report never survives this one: it is replaced at once by one that says "running".
    writeReport();
    long begin = System.nanoTime();
    try (Phase phase = Phase.begin("preflight")) {
      boolean checkDuckDb = context.getConfigurationParameter(LakehouseExtension.PREFLIGHT_DUCKDB, Boolean::parseBoolean).orElse(true);
      Preflight.Passed passed = Preflight.run(source, checkDuckDb);
      settings = passed.settings();
      out().printf("[lakehouse] preflight passed in %.1f s: %s%n", (System.nanoTime() - begin) / 1e9,
          String.join("; ", passed.checks()));
    } catch (RuntimeException e) {
      String message = e instanceof PreflightFailure ? e.getMessage() : "preflight: " + e;
      if (!(e instanceof PreflightFailure)) {
        e.printStackTrace(); // not a check that failed but a bug in one: its trace is the story
      }
      outcome.preflightFailed(message);
      out().println("[lakehouse] " + message.replace("\n", "\n[lakehouse] "));
      writeReport();
    }
  }

  /** Starts the session once; a failed start fails every later spec with the same cause instead of retrying. */
  synchronized LakehouseSession session() {
    if (session == null && startFailure == null) {
      try {
        session = LakehouseSession.start(settings, report);
      } catch (RuntimeException e) {
        startFailure = e;
      }
    }
    if (startFailure != null) {
      throw startFailure;
    }
    return session;
  }

  /** The session if it has started; never starts one. */
  synchronized LakehouseSession startedSession() {
    return session;
  }

  /** The JUnit run ended: keep the stack's logs if anything failed, write the report, stop, summarize. */
  @Override
  public synchronized void close() throws Exception {
    // The run has ended: from here on nothing new starts, whatever a late thread asks for. Only a run
    // that started a stack flips the JVM-wide switch; a run that never did (the extension's own
    // fixture runs inside the unit-test JVM) has nothing to guard and must not stop later tests.
    if (session != null) {
      Shutdown.begin("the run has ended");
    }
    if (report == null) {
      return;
    }
    outcome.finished();
    if (session != null && outcome.anyTestFailed()) {
      session.dumpLogs().ifPresent(outcome::stackLogs);
    }
    if (session == null) {
      writeReport();
      printSummary();
    } else if (session.keepsRunning()) {
      // close() blocks until Ctrl-C or SIGTERM: the summary comes first.
      printSummary();
      session.close();
    } else {
      try (Phase phase = Phase.begin("stopping the " + report.toMap().get("stack") + " stack")) {
        session.close();
      }
      printSummary();
    }
  }

  private void printSummary() {
    out().print(RunSummary.render(report.toMap(), report.writesFiles() ? reportDir.resolve("run.md") : null));
  }

  private void writeReport() {
    try {
      report.write(reportDir);
    } catch (IOException e) {
      out().println("[lakehouse] could not write the report to " + reportDir + ": " + e);
    }
  }

  /** The report directory even when the settings are broken: a broken run still replaces the last report. */
  private static Path reportDir(Settings source) {
    Path fallback = Path.of("target", "lakehouse-report");
    try {
      return source.path(RunSettings.REPORT_DIR, fallback);
    } catch (InvalidPathException e) {
      return fallback;
    }
  }

  /** Read at each use: the heartbeat wraps System.out once the run begins. */
  private static PrintStream out() {
    return System.out;
  }
}
