package lakehouse.stack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings of one run of the spec. Every key is listed with its default in docs/configuration.md.
 *
 * @param commitInterval how often Iceberg topics commit a snapshot: Redpanda's
 *     {@code iceberg_target_lag_ms}, the sink's {@code iceberg.control.commit.interval-ms} on embedded
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

  public static RunSettings from(Settings settings) {
    return new RunSettings(
        StackKind.parse(settings.string(STACK, "auto")),
        settings.positiveInt(TRADES, 10_000),
        settings.longValue(SEED, 42),
        settings.millis(COMMIT_INTERVAL_MS, 1_000),
        settings.millis(VISIBILITY_TIMEOUT_MS, 120_000),
        settings.path(REPORT_DIR, Path.of("target", "lakehouse-report")),
        settings.path(DUCKDB_EXTENSION_DIR, defaultDuckDbExtensionDir()),
        settings.flag(KEEP_RUNNING, false),
        settings);
  }

  /** DuckDB's own default, so an online machine's {@code INSTALL} and the offline script agree. */
  static Path defaultDuckDbExtensionDir() {
    return Path.of(System.getProperty("user.home"), ".duckdb", "extensions");
  }
}
