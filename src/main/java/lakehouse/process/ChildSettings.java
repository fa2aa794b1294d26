package lakehouse.process;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;

/** Splits a stack's settings into system properties and, for credentials, environment variables. */
final class ChildSettings {
  final Map<String, String> systemProperties = new HashMap<>();
  final Map<String, String> environment = new HashMap<>();

  /** A child run with this run's extension directory and commit interval, reporting under {@code reportDir}. */
  ChildSettings(RunSettings parent, String stack, Path reportDir) {
    systemProperties.put(RunSettings.STACK, stack);
    systemProperties.put(RunSettings.REPORT_DIR, reportDir.toString());
    systemProperties.put(RunSettings.DUCKDB_EXTENSION_DIR, parent.duckDbExtensionDir().toString());
    systemProperties.put(RunSettings.COMMIT_INTERVAL_MS, Long.toString(parent.commitInterval().toMillis()));
  }

  ChildSettings with(String key, String value) {
    if (ExternalSettings.SECRETS.contains(key)) {
      environment.put(Settings.environmentName(key), value);
    } else {
      systemProperties.put(key, value);
    }
    return this;
  }

  ChildSettings withAll(Map<String, String> settings) {
    settings.forEach(this::with);
    return this;
  }
}
