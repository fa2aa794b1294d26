package lakehouse.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import lakehouse.schema.ValueFormat;

/**
 * The settings of one run of the spec. Every key is listed with its default in docs/configuration.md.
 *
 * @param stack the stack that runs: {@code auto} is already resolved to containers or embedded
 * @param commitInterval how often Iceberg topics commit a snapshot: Redpanda's
 *     {@code iceberg_target_lag_ms}, the sink's {@code iceberg.control.commit.interval-ms} on embedded;
 *     its default and minimum depend on the stack ({@link CommitIntervals})
 * @param visibilityTimeout the longest each commit and DuckDB wait may take; by default it grows with the interval
 */
public record RunSettings(
    StackKind stack,
    int trades,
    long seed,
    Duration commitInterval,
    Duration visibilityTimeout,
    Path reportDir,
    Path duckDbExtensionDir,
    boolean keepRunning,
    Settings source) {

  public static final String STACK = "lakehouse.stack";
  public static final String TRADES = "lakehouse.trades";
  public static final String SEED = "lakehouse.seed";
  public static final String COMMIT_INTERVAL_MS = "lakehouse.commit-interval-ms";
  public static final String VISIBILITY_TIMEOUT_MS = "lakehouse.visibility-timeout-ms";
  public static final String REPORT_DIR = "lakehouse.report-dir";
  public static final String DUCKDB_EXTENSION_DIR = "lakehouse.duckdb.extension-dir";
  public static final String KEEP_RUNNING = "lakehouse.keep-running";
  /** The schema format of the main round trip: json (the default), avro or protobuf. */
  public static final String FORMAT = "lakehouse.format";
  /** The visibility timeout at a 1 s commit interval; longer intervals get longer ones. */
  static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofMinutes(2);

  /**
   * @param resolveStack turns the requested stack into the one that runs ({@code auto} → containers or
   *     embedded); called after every other value has parsed, so a typo fails before Docker is asked
   */
  public static RunSettings from(Settings settings, UnaryOperator<StackKind> resolveStack) {
    StackKind requested = StackKind.parse(settings.string(STACK, "auto"));
    int trades = settings.positiveInt(TRADES, 10_000);
    long seed = settings.longValue(SEED, 42);
    Optional<Duration> explicitInterval = explicitMillis(settings, COMMIT_INTERVAL_MS);
    Optional<Duration> explicitVisibility = explicitMillis(settings, VISIBILITY_TIMEOUT_MS);
    Path reportDir = settings.path(REPORT_DIR, Path.of("target", "lakehouse-report"));
    Path duckDbExtensionDir = settings.path(DUCKDB_EXTENSION_DIR, defaultDuckDbExtensionDir());
    boolean keepRunning = settings.flag(KEEP_RUNNING, false);
    format(settings);
    StackKind stack = resolveStack.apply(requested);
    Duration commitInterval = CommitIntervals.resolve(stack, settings, explicitInterval);
    Duration visibilityTimeout =
        explicitVisibility.orElseGet(() -> CommitIntervals.scaled(DEFAULT_VISIBILITY_TIMEOUT, commitInterval));
    return new RunSettings(stack, trades, seed, commitInterval, visibilityTimeout, reportDir, duckDbExtensionDir,
        keepRunning, settings);
  }

  /** {@value #FORMAT}: the format the main round trip's records are written in. */
  public ValueFormat format() {
    return format(source);
  }

  private static ValueFormat format(Settings settings) {
    String value = settings.string(FORMAT, ValueFormat.JSON.settingValue());
    try {
      return ValueFormat.fromSetting(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(FORMAT + "=" + value + " is not a format of the round trip: set json, avro or"
          + " protobuf (" + Settings.environmentName(FORMAT) + ")", e);
    }
  }

  /**
   * A wait written for a 1 s commit interval, grown with this run's interval
   * ({@link CommitIntervals#scaled}); the reliability specs' waits use it.
   */
  public Duration commitWait(Duration atOneSecond) {
    return CommitIntervals.scaled(atOneSecond, commitInterval);
  }

  private static Optional<Duration> explicitMillis(Settings settings, String key) {
    return settings.get(key).map(set -> settings.millis(key, 1));
  }

  /** DuckDB's own default, so an online machine's {@code INSTALL} and the offline script agree. */
  public static Path defaultDuckDbExtensionDir() {
    return Path.of(System.getProperty("user.home"), ".duckdb", "extensions");
  }
}
