package lakehouse.junit;

import java.io.PrintStream;
import lakehouse.Lakehouse;
import lakehouse.pipeline.Pipeline;
import lakehouse.report.RunReport;
import lakehouse.stack.LakehouseStack;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import lakehouse.stack.Stacks;
import lakehouse.stack.StartupLog;

/**
 * One run of the spec: the settings, the stack, the clients, the pipeline and its report. Closed
 * once at the end of the JUnit run, or by a shutdown hook when the run is interrupted.
 */
final class LakehouseSession implements AutoCloseable {
  private static final PrintStream OUT = System.out;

  private final RunSettings settings;
  private final RunReport report;
  private final LakehouseStack stack;
  private final Lakehouse lakehouse;
  private final Pipeline pipeline;
  private final Thread shutdownHook = new Thread(this::closeQuietly, "lakehouse-shutdown");
  private boolean closed;

  private LakehouseSession(RunSettings settings, RunReport report, LakehouseStack stack) {
    this.settings = settings;
    this.report = report;
    this.stack = stack;
    this.lakehouse = new Lakehouse(stack, settings);
    this.pipeline = new Pipeline(lakehouse, settings, report);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static LakehouseSession start() {
    RunSettings settings = RunSettings.from(Settings.fromJvm());
    RunReport report = new RunReport();
    StartupLog startup = new StartupLog(OUT);
    OUT.println("[lakehouse] starting the " + settings.stack().settingValue() + " stack");
    LakehouseStack stack = Stacks.start(settings, startup);
    OUT.println("[lakehouse] " + stack.banner());
    report.put("stack", stack.kind().settingValue());
    report.put("banner", stack.banner());
    report.put("trades", settings.trades());
    report.put("seed", settings.seed());
    report.put("commit_interval_ms", settings.commitInterval().toMillis());
    report.stackStart(startup.millisByComponent());
    return new LakehouseSession(settings, report, stack);
  }

  RunSettings settings() {
    return settings;
  }

  Lakehouse lakehouse() {
    return lakehouse;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  LakehouseStack stack() {
    return stack;
  }

  @Override
  public synchronized void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    removeShutdownHook();
    try (stack; lakehouse) {
      report.write(settings.reportDir());
      OUT.println("[lakehouse] report written to " + settings.reportDir().resolve("run.json"));
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (Exception e) {
      e.printStackTrace();
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // closing from the hook itself
    }
  }
}
