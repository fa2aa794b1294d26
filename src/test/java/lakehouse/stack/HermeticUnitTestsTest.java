package lakehouse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lakehouse.duckdb.PypiIndex;
import org.junit.jupiter.api.Test;

/**
 * Settings are for the spec: no unit test reads one, so {@code ./mvnw verify -Dlakehouse.trades=abc}
 * (or {@code LAKEHOUSE_TRADES=abc}) passes every unit test and stops in the spec's preflight. Every
 * build proves it: surefire starts the unit tests with each setting below set, as a system property
 * and as an environment variable, to a value that no setting accepts (pom.xml), so a unit test that
 * read one would fail. This test checks that those values are in place and that none is usable.
 */
class HermeticUnitTestsTest {
  /** The settings the unit-tested code could read; pom.xml sets the same ones for surefire. */
  static final List<String> SETTINGS = List.of(RunSettings.STACK, RunSettings.TRADES, RunSettings.SEED,
      RunSettings.COMMIT_INTERVAL_MS, RunSettings.VISIBILITY_TIMEOUT_MS, RunSettings.REPORT_DIR,
      RunSettings.DUCKDB_EXTENSION_DIR, RunSettings.KEEP_RUNNING, PypiIndex.INDEX_URL, "lakehouse.conformance.dir",
      "lakehouse.conformance.parallelism", "lakehouse.benchmark.sizes", "lakehouse.benchmark.batches",
      "lakehouse.interrupts");

  @Test
  void everySettingIsSetInTheUnitTestsEnvironmentToOneUnusableValue() {
    String value = System.getenv(Settings.environmentName(RunSettings.TRADES));
    assertThat(value).as("LAKEHOUSE_TRADES in the unit tests' JVM (surefire's environmentVariables in pom.xml)").isNotBlank();

    // Surefire's environment replaces the one Maven was started with, so these hold whatever the shell set.
    for (String setting : SETTINGS) {
      assertThat(System.getenv(Settings.environmentName(setting))).as(Settings.environmentName(setting)).isEqualTo(value);
    }
    assertUnusable(value);
  }

  @Test
  void everySettingIsSetInTheUnitTestsSystemProperties() {
    // The value of pom.xml, or the one given to Maven with -D, which replaces it: either way, not read.
    for (String setting : SETTINGS) {
      assertThat(System.getProperty(setting)).as("the system property " + setting).isNotBlank();
    }
  }

  /** Not a number, a flag, a stack or a URL, and a path below a file, where no directory can be made. */
  private static void assertUnusable(String value) {
    Settings settings = new Settings(Map.of("key", value), Map.of());
    assertThatThrownBy(() -> settings.positiveInt("key", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.longValue("key", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.flag("key", true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StackKind.parse(value)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PypiIndex.from(new Settings(Map.of(PypiIndex.INDEX_URL, value), Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Files.createDirectories(Path.of(value))).isInstanceOf(java.io.IOException.class);
  }
}
