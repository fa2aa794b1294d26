package lakehouse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lakehouse.duckdb.PypiIndex;
import org.junit.jupiter.api.Test;

/**
 * Settings are for the spec: no unit test reads one, so {@code ./mvnw verify -Dlakehouse.trades=abc}
 * (or {@code LAKEHOUSE_TRADES=abc}) passes every unit test and stops in the spec's preflight. Every
 * build proves it: the unit tests run with each setting set to a value that no setting accepts, as an
 * environment variable (surefire's configuration in pom.xml) and as a system property
 * ({@link UnusableSettings}), so a unit test that read one would fail. This test checks that those
 * values are in place and that the value is of no use to any setting.
 */
class HermeticUnitTestsTest {
  @Test
  void everySettingIsSetInTheUnitTestsEnvironmentToOneUnusableValue() {
    String value = System.getenv(Settings.environmentName(RunSettings.TRADES));
    assertThat(value).as("LAKEHOUSE_TRADES in the unit tests' JVM (surefire's environmentVariables in pom.xml)").isNotBlank();

    // Surefire's values replace any the shell set (LAKEHOUSE_TRADES=abc ./mvnw …): each is the unusable one.
    for (String setting : UnusableSettings.SETTINGS) {
      assertThat(System.getenv(Settings.environmentName(setting))).as(Settings.environmentName(setting)).isEqualTo(value);
    }
    assertUnusable(value);
  }

  @Test
  void everySettingIsSetInTheUnitTestsSystemProperties() {
    String value = System.getProperty(UnusableSettings.VALUE);
    assertThat(value).as(UnusableSettings.VALUE + " in the unit tests' JVM (surefire's systemPropertyVariables in pom.xml)")
        .isEqualTo(System.getenv(Settings.environmentName(RunSettings.TRADES)));

    // The unusable value, or the one given to Maven with -D, which stays: either way, no unit test reads it.
    for (String setting : UnusableSettings.SETTINGS) {
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
