package lakehouse.junit;

import java.util.Map;
import java.util.function.Function;
import lakehouse.CatalogHandle;
import lakehouse.DuckDbHandle;
import lakehouse.KafkaHandle;
import lakehouse.Lakehouse;
import lakehouse.lifecycle.Shutdown;
import lakehouse.lifecycle.StackLog;
import lakehouse.pipeline.Pipeline;
import lakehouse.report.RunReport;
import lakehouse.report.StackDiagnostics;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Owns the stack: starts it on first use, once per JVM, shares it across all spec classes, and
 * closes it when the JUnit run ends (the root store closes {@link AutoCloseable} values). Specs
 * receive typed handles as parameters and never learn which stack is behind them.
 */
public final class LakehouseExtension implements ParameterResolver, AfterTestExecutionCallback,
    TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LakehouseExtension.class);

  static {
    // Before anything starts or logs: the shutdown switch, and this JVM's own stack log file.
    Shutdown.install();
    StackLog.useReportDir(reportDirOrDefault());
  }

  private static final Map<Class<?>, Function<LakehouseSession, Object>> HANDLES = Map.of(
      Lakehouse.class, LakehouseSession::lakehouse,
      KafkaHandle.class, session -> session.lakehouse().kafka(),
      CatalogHandle.class, session -> session.lakehouse().catalog(),
      DuckDbHandle.class, session -> session.lakehouse().duckdb(),
      Pipeline.class, LakehouseSession::pipeline,
      RunSettings.class, LakehouseSession::settings,
      RunReport.class, LakehouseSession::report);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return HANDLES.containsKey(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return HANDLES.get(parameter.getParameter().getType()).apply(session(context));
  }

  /** A failed spec keeps the stack's logs: the session writes them when it closes. */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      slot(context).markFailed();
    }
  }

  /**
   * A failed spec names the stack log that explains it; one cut short by shutdown says "interrupted",
   * so it is not mistaken for a failure of the system under test.
   */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    if (failure instanceof TestAbortedException) {
      throw failure;
    }
    String log = "; this JVM's stack log: " + StackLog.current() + diagnostics(context);
    if (Shutdown.begun()) {
      throw new AssertionError(Shutdown.INTERRUPTED + ": " + Shutdown.reason() + ", so the spec was cut short ("
          + failure + ")" + log, failure);
    }
    throw failure instanceof AssertionError
        ? new AssertionError(failure.getMessage() + log, failure)
        : new IllegalStateException(failure + log, failure);
  }

  /** The stack as the failure left it, written beside the report: "; stack diagnostics: <file>", or nothing. */
  private static String diagnostics(ExtensionContext context) {
    LakehouseSession session = slot(context).startedSession();
    if (session == null || Shutdown.begun()) {
      return "";
    }
    try {
      String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
      return "; stack diagnostics: "
          + StackDiagnostics.write(session.lakehouse(), name, session.settings().reportDir().resolve("diagnostics"));
    } catch (Exception e) {
      return "; stack diagnostics could not be written: " + e;
    }
  }

  /** The report directory as set, or the default while a bad setting waits to fail the session with its fix. */
  private static java.nio.file.Path reportDirOrDefault() {
    try {
      return Settings.fromJvm().path(RunSettings.REPORT_DIR, java.nio.file.Path.of("target", "lakehouse-report"));
    } catch (RuntimeException badSetting) {
      return java.nio.file.Path.of("target", "lakehouse-report");
    }
  }

  static LakehouseSession session(ExtensionContext context) {
    return slot(context).session();
  }

  private static SessionSlot slot(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SessionSlot.class, key -> new SessionSlot(), SessionSlot.class);
  }

  /** Starts the session once; a failed start fails every later spec with the same cause instead of retrying. */
  private static final class SessionSlot implements AutoCloseable {
    private LakehouseSession session;
    private RuntimeException failure;
    private boolean specFailed;

    synchronized void markFailed() {
      specFailed = true;
    }

    /** The session if it has started; never starts one. */
    synchronized LakehouseSession startedSession() {
      return session;
    }

    synchronized LakehouseSession session() {
      if (session == null && failure == null) {
        try {
          session = LakehouseSession.start();
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw failure;
      }
      return session;
    }

    @Override
    public synchronized void close() throws Exception {
      // The run has ended: from here on nothing new starts, whatever a late thread asks for.
      Shutdown.begin("the run has ended");
      if (session != null) {
        if (specFailed) {
          session.dumpLogs();
        }
        session.close();
      }
    }
  }
}
