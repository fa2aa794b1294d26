package lakehouse.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import lakehouse.Lakehouse;
import lakehouse.lifecycle.Leftovers;
import lakehouse.lifecycle.Owner;
import lakehouse.lifecycle.Shutdown;
import lakehouse.progress.Phase;
import lakehouse.report.EndpointsReport;
import lakehouse.report.RunReport;
import lakehouse.report.WebConsoles;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.LakehouseStack;
import lakehouse.stack.RunSettings;
import lakehouse.stack.StackKind;
import lakehouse.stack.StartupLog;
import lakehouse.stack.containers.ContainerImages;
import lakehouse.stacks.Stacks;

/**
 * One run of the spec: the settings, the stack, the clients, the run's {@link RunFixture}s and its report. Closed
 * once at the end of the JUnit run, or by a shutdown hook when the run is interrupted.
 */
final class LakehouseSession implements AutoCloseable {
  private static final PrintStream OUT = System.out;

  private final RunSettings settings;
  private final RunReport report;
  private final LakehouseStack stack;
  private final Lakehouse lakehouse;
  private final Map<Class<?>, Object> fixtures = new ConcurrentHashMap<>();
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final Thread shutdownHook = new Thread(this::stopFromHook, "lakehouse-shutdown");
  private Path credentialsDir;
  private boolean closed;

  private LakehouseSession(RunSettings settings, RunReport report, LakehouseStack stack) {
    this.settings = settings;
    this.report = report;
    this.stack = stack;
    this.lakehouse = new Lakehouse(stack, settings);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts the stack the preflight-checked settings choose; the report is the run's, begun by the preflight. */
  static LakehouseSession start(RunSettings settings, RunReport report) {
    StartupLog startup = new StartupLog(OUT);
    Shutdown.check("the " + settings.stack().settingValue() + " stack");
    // A run killed with SIGKILL ran no hook: whatever it left (PostgreSQL, child JVMs, directories) goes now.
    Leftovers.reclaim(OUT);
    OUT.println("[lakehouse] starting the " + settings.stack().settingValue() + " stack");
    long begin = System.nanoTime();
    LakehouseStack stack;
    try (Phase phase = Phase.begin("starting the " + settings.stack().settingValue() + " stack")) {
      stack = startStack(settings, startup);
    }
    startup.total((System.nanoTime() - begin) / 1_000_000);
    OUT.println("[lakehouse] " + stack.banner());
    report.put("stack", stack.kind().settingValue());
    report.put("banner", stack.banner());
    report.put("trades", settings.trades());
    report.put("seed", settings.seed());
    report.put("format", settings.format().settingValue());
    report.put("commit_interval_ms", settings.commitInterval().toMillis());
    report.stackStart(startup.millisByComponent());
    return new LakehouseSession(settings, report, stack);
  }

  private static LakehouseStack startStack(RunSettings settings, StartupLog startup) {
    try {
      return Stacks.start(settings, startup);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the " + settings.stack().settingValue() + " stack did not start: " + e.getMessage(), e);
    }
  }

  RunSettings settings() {
    return settings;
  }

  Lakehouse lakehouse() {
    return lakehouse;
  }

  /** The run's one instance of a {@link RunFixture} class, built on first use. */
  Object fixture(Class<?> type) {
    return fixtures.computeIfAbsent(type, this::newFixture);
  }

  private Object newFixture(Class<?> type) {
    try {
      return type.getConstructor(Lakehouse.class, RunSettings.class, RunReport.class).newInstance(lakehouse, settings, report);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getName() + " is a @RunFixture, so it needs a public constructor taking"
          + " (Lakehouse, RunSettings, RunReport)", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not build the run fixture " + type.getName() + ": " + e.getCause(), e);
    }
  }

  RunReport report() {
    return report;
  }

  boolean keepsRunning() {
    return settings.keepRunning();
  }

  /**
   * Writes the stack's server logs under the report directory, where the stack keeps logs of its
   * own (containers); returns the directory only if something was written there.
   */
  Optional<Path> dumpLogs() {
    Path dir = settings.reportDir().resolve("logs");
    stack.dumpLogs(dir);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    OUT.println("[lakehouse] the stack's server logs are in " + dir);
    return Optional.of(dir);
  }

  /**
   * Ends the run: writes the report and stops the stack. With {@code lakehouse.keep-running} the
   * stack stays up, its endpoints printed, until Ctrl-C or SIGTERM; the shutdown hook then stops it.
   */
  @Override
  public void close() throws Exception {
    if (settings.keepRunning()) {
      report.write(settings.reportDir());
      keepRunningUntilStopped();
      return;
    }
    stop();
  }

  private void keepRunningUntilStopped() throws IOException, InterruptedException {
    credentialsDir = Owner.current().createTempDirectory("credentials");
    Path credentials = credentialsDir.resolve("credentials.env");
    EndpointsReport endpoints = new EndpointsReport(
        stack.kind().settingValue(), stack.endpoints(), credentials, webConsoles(credentials));
    Path file = endpoints.write(settings.reportDir());
    OUT.print(endpoints.describe());
    OUT.println("[lakehouse] endpoints written to " + file);
    stopRequested.await();
  }

  /**
   * The containers stack runs Redpanda Console and MinIO's console itself when kept running; for the
   * others, a Console configuration next to endpoints.json and the command that starts the pinned image on it.
   */
  private WebConsoles webConsoles(Path credentials) {
    if (stack.monitoringUis().isPresent()) {
      return WebConsoles.running(stack.monitoringUis().get(), credentials);
    }
    return WebConsoles.toStartYourself(stack.endpoints(),
        stack.kind() == StackKind.EXTERNAL ? settings.source().get(ExternalSettings.REDPANDA_ADMIN_URL) : Optional.empty(),
        ContainerImages.from(settings.source()).redpandaConsole(), settings.reportDir());
  }

  private synchronized void stop() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    removeShutdownHook();
    try (stack; lakehouse) {
      deleteCredentials();
      report.write(settings.reportDir());
      if (report.writesFiles()) {
        OUT.println("[lakehouse] report written to " + settings.reportDir().resolve("run.json"));
      }
    }
  }

  private void deleteCredentials() throws IOException {
    if (credentialsDir != null) {
      Files.deleteIfExists(credentialsDir.resolve("credentials.env"));
      Files.deleteIfExists(credentialsDir);
    }
  }

  private void stopFromHook() {
    Shutdown.begin("the JVM is shutting down (a signal, or System.exit)");
    report.outcome().interrupted();
    stopRequested.countDown();
    try {
      stop();
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
