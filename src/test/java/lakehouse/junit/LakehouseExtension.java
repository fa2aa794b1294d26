package lakehouse.junit;

import java.util.Map;
import java.util.function.Function;
import lakehouse.CatalogHandle;
import lakehouse.DuckDbHandle;
import lakehouse.KafkaHandle;
import lakehouse.Lakehouse;
import lakehouse.pipeline.Pipeline;
import lakehouse.progress.Phase;
import lakehouse.report.RunReport;
import lakehouse.stack.RunSettings;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Owns the stack: checks everything it can before any stack starts (the preflight, once per JVM,
 * when the first spec class begins), starts the stack on first use, shares it across all spec
 * classes, and closes it when the JUnit run ends (the root store closes {@link AutoCloseable}
 * values). Specs receive typed handles as parameters and never learn which stack is behind them.
 * It also records each test's outcome for the run's report, and names the running test as a
 * {@link Phase}, so the heartbeat can say what a quiet stretch is busy with.
 */
public final class LakehouseExtension implements ParameterResolver, BeforeAllCallback, BeforeTestExecutionCallback,
    AfterTestExecutionCallback, TestWatcher, LifecycleMethodExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LakehouseExtension.class);

  /**
   * JUnit configuration parameter: {@code false} skips the DuckDB part of the preflight. Only the
   * suite's own tests of this extension set it, for fixture specs that never open DuckDB.
   */
  static final String PREFLIGHT_DUCKDB = "lakehouse.preflight.duckdb";

  private static final Map<Class<?>, Function<LakehouseSession, Object>> HANDLES = Map.of(
      Lakehouse.class, LakehouseSession::lakehouse,
      KafkaHandle.class, session -> session.lakehouse().kafka(),
      CatalogHandle.class, session -> session.lakehouse().catalog(),
      DuckDbHandle.class, session -> session.lakehouse().duckdb(),
      Pipeline.class, LakehouseSession::pipeline,
      RunSettings.class, LakehouseSession::settings,
      RunReport.class, LakehouseSession::report);

  @Override
  public void beforeAll(ExtensionContext context) {
    slot(context).beginSpec(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return HANDLES.containsKey(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return HANDLES.get(parameter.getParameter().getType()).apply(slot(context).session());
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
  public void testDisabled(ExtensionContext context, java.util.Optional<String> reason) {
    slot(context).outcome().skipped(spec(context), 1);
  }

  /** A spec's own {@code @BeforeAll} that fails is a failure of the run too, though no test method ran. */
  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
    slot(context).outcome().failed(spec(context), "@BeforeAll", cause, null);
    throw cause;
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
