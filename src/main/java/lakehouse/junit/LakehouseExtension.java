package lakehouse.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import lakehouse.CatalogHandle;
import lakehouse.DuckDbHandle;
import lakehouse.KafkaHandle;
import lakehouse.Lakehouse;
import lakehouse.lifecycle.Shutdown;
import lakehouse.lifecycle.StackLog;
import lakehouse.progress.Phase;
import lakehouse.report.RunReport;
import lakehouse.report.StackDiagnostics;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * Owns the stack: checks everything it can before any stack starts (the preflight, once per JVM,
 * when the first spec class begins), starts the stack on first use, shares it across all spec
 * classes, and closes it when the JUnit run ends (the root store closes {@link AutoCloseable}
 * values). Specs receive typed handles as parameters and never learn which stack is behind them.
 * It also records each test's outcome for the run's report, and names the running test as a
 * {@link Phase}, so the heartbeat can say what a quiet stretch is busy with.
 */
public final class LakehouseExtension implements ParameterResolver, BeforeAllCallback, BeforeTestExecutionCallback,
    AfterTestExecutionCallback, TestWatcher, LifecycleMethodExecutionExceptionHandler, TestExecutionExceptionHandler,
    InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LakehouseExtension.class);

  static {
    // Before anything starts or logs: the shutdown switch, and this JVM's own stack log file.
    Shutdown.install();
    if (StackLog.current() == null) {
      StackLog.useReportDir(reportDirOrDefault());
    }
  }

  /**
   * JUnit configuration parameter: {@code false} skips the DuckDB part of the preflight. Only the
   * suite's own tests of this extension set it, for fixture specs that never open DuckDB.
   */
  static final String PREFLIGHT_DUCKDB = "lakehouse.preflight.duckdb";

  /**
   * JUnit configuration parameter: {@code false} takes the run's settings ({@code lakehouse.trades} …)
   * only from the launch's configuration parameters, never from this JVM's system properties or
   * environment variables. Only the suite's own tests of this extension set it, launching with JUnit's
   * implicit configuration parameters off, so the settings given to Maven for the spec never reach
   * the fixture specs they run inside the unit tests' JVM.
   */
  static final String SETTINGS_FROM_JVM = "lakehouse.junit.settings-from-jvm";

  private static final Map<Class<?>, Function<LakehouseSession, Object>> HANDLES = Map.of(
      Lakehouse.class, LakehouseSession::lakehouse,
      KafkaHandle.class, session -> session.lakehouse().kafka(),
      CatalogHandle.class, session -> session.lakehouse().catalog(),
      DuckDbHandle.class, session -> session.lakehouse().duckdb(),
      RunSettings.class, LakehouseSession::settings,
      RunReport.class, LakehouseSession::report);

  @Override
  public void beforeAll(ExtensionContext context) {
    slot(context).beginSpec(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return HANDLES.containsKey(type) || type.isAnnotationPresent(RunFixture.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    LakehouseSession session = slot(context).session();
    return HANDLES.containsKey(type) ? HANDLES.get(type).apply(session) : session.fixture(type);
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    context.getStore(NAMESPACE).put(Phase.class, Phase.begin("running " + testName(context)));
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Phase phase = context.getStore(NAMESPACE).remove(Phase.class, Phase.class);
    if (phase != null) {
      phase.close();
    }
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    slot(context).outcome().passed(spec(context));
  }

  /** A failed test keeps the stack's logs (the session writes them at the end) and is listed in the report. */
  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    slot(context).outcome().failed(spec(context), context.getRequiredTestMethod().getName(), cause, null);
  }

  /** An unmet assumption (a missing capability) is a skip, not a failure. */
  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    slot(context).outcome().skipped(spec(context), 1);
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    slot(context).outcome().skipped(spec(context), 1);
  }

  /**
   * JUnit calls no {@link TestWatcher} for a {@code @TestFactory} or the dynamic tests it returns
   * ({@code TestFactoryTestDescriptor.nodeFinished} is a no-op), so a factory that throws is recorded
   * here, or a failed conformance case would leave the report saying "passed".
   */
  @Override
  public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    try {
      return invocation.proceed();
    } catch (TestAbortedException e) {
      slot(context).outcome().skipped(spec(context), 1);
      throw e;
    } catch (Throwable e) {
      slot(context).outcome().failed(spec(context), context.getRequiredTestMethod().getName(), e, null);
      throw e;
    }
  }

  /** Each dynamic test is one test of the report, named after its factory and its display name. */
  @Override
  public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
      ExtensionContext context) throws Throwable {
    ExtensionContext factory = factoryOf(context);
    String spec = spec(factory);
    String test = factory.getRequiredTestMethod().getName() + " " + context.getDisplayName();
    try (Phase phase = Phase.begin("running " + spec + "." + test)) {
      invocation.proceed();
    } catch (TestAbortedException e) {
      slot(context).outcome().skipped(spec, 1);
      throw e;
    } catch (Throwable e) {
      Throwable explained = explained(factory, spec + "." + test, e);
      slot(context).outcome().failed(spec, test, explained, null);
      throw explained;
    }
    slot(context).outcome().passed(spec);
  }

  private static ExtensionContext factoryOf(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isEmpty()) {
      current = current.getParent().orElseThrow(() -> new IllegalStateException("a dynamic test outside a test factory"));
    }
    return current;
  }

  /** A spec's own {@code @BeforeAll} that fails is a failure of the run too, though no test method ran. */
  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
    slot(context).outcome().failed(spec(context), "@BeforeAll", cause, null);
    throw cause;
  }

  /**
   * A failed spec names the stack log that explains it; one cut short by shutdown says "interrupted",
   * so it is not mistaken for a failure of the system under test.
   */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw explained(context, testName(context), failure);
  }

  private static Throwable explained(ExtensionContext context, String test, Throwable failure) {
    if (failure instanceof TestAbortedException) {
      return failure;
    }
    String log = "; this JVM's stack log: " + StackLog.current() + diagnostics(context, test);
    if (Shutdown.begun()) {
      return new AssertionError(Shutdown.INTERRUPTED + ": " + Shutdown.reason() + ", so the spec was cut short ("
          + failure + ")" + log, failure);
    }
    return failure instanceof AssertionError
        ? new AssertionError(failure.getMessage() + log, failure)
        : new IllegalStateException(failure + log, failure);
  }

  /** The stack as the failure left it, written beside the report: "; stack diagnostics: <file>", or nothing. */
  private static String diagnostics(ExtensionContext context, String test) {
    LakehouseSession session = slot(context).startedSession();
    if (session == null || Shutdown.begun()) {
      return "";
    }
    try {
      return "; stack diagnostics: " + StackDiagnostics.write(session.lakehouse(), test,
          session.settings().reportDir().resolve("diagnostics"));
    } catch (Exception e) {
      return "; stack diagnostics could not be written: " + e;
    }
  }

  /** The run's settings: this JVM's, as failsafe starts it, unless the launch says otherwise ({@link #SETTINGS_FROM_JVM}). */
  static Settings settings(ExtensionContext context) {
    boolean fromJvm = context.getConfigurationParameter(SETTINGS_FROM_JVM, Boolean::parseBoolean).orElse(true);
    return fromJvm ? Settings.fromJvm() : Settings.lookingUp(context::getConfigurationParameter);
  }

  /** The report directory as set, or the default while a bad setting waits to fail the preflight with its fix. */
  private static Path reportDirOrDefault() {
    try {
      return Settings.fromJvm().path(RunSettings.REPORT_DIR, Path.of("target", "lakehouse-report"));
    } catch (RuntimeException badSetting) {
      return Path.of("target", "lakehouse-report");
    }
  }

  static String spec(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName();
  }

  private static String testName(ExtensionContext context) {
    return spec(context) + "." + context.getRequiredTestMethod().getName();
  }

  private static SessionSlot slot(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SessionSlot.class, key -> new SessionSlot(), SessionSlot.class);
  }
}
