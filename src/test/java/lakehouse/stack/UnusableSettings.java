package lakehouse.stack;

import java.util.List;
import java.util.Properties;
import lakehouse.duckdb.PypiIndex;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * In the unit tests' JVM, every setting not given to Maven is set, as a system property, to a value that
 * no setting accepts ({@value #VALUE}, which only surefire's configuration in pom.xml sets; there, the same
 * settings are environment variables with that value too). A unit test that read one would fail, so every
 * build proves that no unit test does, and {@code -Dlakehouse.trades=abc} or {@code LAKEHOUSE_TRADES=abc}
 * reaches only the spec. Anywhere else (the spec's JVM, an IDE) it does nothing. JUnit loads it as a
 * service (META-INF/services in src/test/resources) and calls it before the first test class is discovered.
 */
public final class UnusableSettings implements LauncherSessionListener {
  /** The system property that holds the unusable value; set only in surefire's JVM. */
  public static final String VALUE = "unit-tests.unusable-setting";

  /** The settings the unit-tested code could read; pom.xml sets the same ones as environment variables. */
  public static final List<String> SETTINGS = List.of(RunSettings.STACK, RunSettings.TRADES, RunSettings.SEED,
      RunSettings.COMMIT_INTERVAL_MS, RunSettings.VISIBILITY_TIMEOUT_MS, RunSettings.REPORT_DIR,
      RunSettings.DUCKDB_EXTENSION_DIR, RunSettings.KEEP_RUNNING, RunSettings.FORMAT, PypiIndex.INDEX_URL, "lakehouse.conformance.dir",
      "lakehouse.conformance.parallelism", "lakehouse.benchmark.sizes", "lakehouse.benchmark.batches",
      "lakehouse.interrupts");

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String value = System.getProperty(VALUE);
    if (value == null) {
      return;
    }
    Properties properties = System.getProperties();
    // A value given to Maven with -D stays: the unit tests ignore it just the same.
    SETTINGS.forEach(setting -> properties.putIfAbsent(setting, value));
  }
}
