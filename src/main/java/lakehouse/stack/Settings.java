package lakehouse.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads a setting from a system property ({@code lakehouse.trades}) or, failing that, from its
 * environment variable ({@code LAKEHOUSE_TRADES}). Bad values fail with the key and the fix.
 *
 * <p>Only the spec's JVM reads its own ({@link #fromJvm()}); everything else is handed its settings, so
 * the unit tests see none of the run's settings, however they are given to Maven.
 */
public final class Settings {
  private final Function<String, String> systemProperties;
  private final Function<String, String> environment;

  public Settings(Map<String, String> systemProperties, Map<String, String> environment) {
    this(Map.copyOf(systemProperties)::get, Map.copyOf(environment)::get);
  }

  private Settings(Function<String, String> systemProperties, Function<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  /** This JVM's system properties and environment variables: the spec's JVM, as Maven's failsafe starts it. */
  public static Settings fromJvm() {
    Map<String, String> props = new HashMap<>();
    Properties system = System.getProperties();
    system.stringPropertyNames().forEach(name -> props.put(name, system.getProperty(name)));
    return new Settings(props, System.getenv());
  }

  /** Settings looked up one key at a time (such as JUnit's configuration parameters), with no environment. */
  public static Settings lookingUp(Function<String, Optional<String>> lookup) {
    return new Settings(key -> lookup.apply(key).orElse(null), name -> null);
  }

  /** {@code lakehouse.commit-interval-ms} → {@code LAKEHOUSE_COMMIT_INTERVAL_MS}. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Optional<String> get(String key) {
    String value = systemProperties.apply(key);
    if (value == null || value.isBlank()) {
      value = environment.apply(environmentName(key));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** A plain environment variable that belongs to another tool, such as pip's {@code PIP_INDEX_URL}. */
  public Optional<String> environmentVariable(String name) {
    String value = environment.apply(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String string(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  public int positiveInt(String key, int defaultValue) {
    return get(key).map(value -> {
      try {
        int parsed = Integer.parseInt(value.replace("_", ""));
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException ignored) {
        // fall through to the error that names the key
      }
      throw invalid(key, value, "a whole number above 0");
    }).orElse(defaultValue);
  }

  public long longValue(String key, long defaultValue) {
    return get(key).map(value -> {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw invalid(key, value, "a whole number");
      }
    }).orElse(defaultValue);
  }

  public Duration millis(String key, long defaultMillis) {
    return Duration.ofMillis(positiveInt(key, Math.toIntExact(defaultMillis)));
  }

  public boolean flag(String key, boolean defaultValue) {
    return get(key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw invalid(key, value, "true or false");
    }).orElse(defaultValue);
  }

  public Path path(String key, Path defaultValue) {
    return get(key).map(Path::of).orElse(defaultValue);
  }

  private static IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException(key + "=" + value + " is not " + expected
        + "; set -D" + key + "=… or " + environmentName(key) + " to a valid value");
  }
}
