package lakehouse.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import lakehouse.benchmark.BenchmarkSettings;
import lakehouse.conformance.ConformanceCase;
import lakehouse.duckdb.ExtensionProvisioner;
import lakehouse.duckdb.PypiIndex;
import lakehouse.progress.Phase;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import lakehouse.stack.StackKind;
import lakehouse.stack.containers.ContainerImages;
import lakehouse.stack.external.ExternalStack;
import lakehouse.stacks.Stacks;

/**
 * Everything that can be checked before a stack starts, in about a second: every setting (the
 * benchmark's too), DuckDB with its extensions (fetched if missing, replaced if broken), and on
 * the external stack every endpoint. Any failure becomes one {@link PreflightFailure} that names
 * the setting or address and the fix.
 */
public final class Preflight {
  private Preflight() {}

  /** What passed, for the console. */
  public record Passed(RunSettings settings, List<String> checks) {}

  /**
   * @param checkDuckDb false only for runs that never open DuckDB (the suite's own tests of the
   *     extension, which run fixture specs in-process)
   */
  public static Passed run(Settings source, boolean checkDuckDb) {
    List<String> checks = new ArrayList<>();
    RunSettings settings = checkSettings(source);
    checks.add("settings");
    if (checkDuckDb) {
      checks.add(duckDb(settings, PypiIndex.from(source)));
    }
    if (settings.stack() == StackKind.EXTERNAL) {
      ExternalStack stack = ExternalStack.connect(settings);
      List<String> unreachable = EndpointProbes.unreachable(stack.endpoints());
      if (!unreachable.isEmpty()) {
        throw new PreflightFailure("preflight: the external stack cannot be reached:\n  - " + String.join("\n  - ", unreachable));
      }
      checks.add("every external endpoint answers");
    }
    return new Passed(settings, checks);
  }

  /** Every group of settings is read; the errors of all groups come back together. */
  static RunSettings checkSettings(Settings source) {
    List<String> errors = new ArrayList<>();
    RunSettings settings = attempt(errors, () -> Stacks.settings(source));
    attempt(errors, () -> BenchmarkSettings.from(source));
    attempt(errors, () -> ConformanceCase.toRun(source));
    attempt(errors, () -> ConformanceCase.parallelism(source));
    attempt(errors, () -> PypiIndex.from(source));
    if (settings != null && settings.stack() == StackKind.EXTERNAL) {
      attempt(errors, () -> ExternalStack.connect(settings));
    }
    if (settings != null && (settings.stack() == StackKind.CONTAINERS || settings.stack() == StackKind.AUTO)) {
      attempt(errors, () -> ContainerImages.from(source));
    }
    if (!errors.isEmpty()) {
      throw new PreflightFailure(errors.size() == 1
          ? "preflight: a setting is wrong: " + errors.get(0)
          : "preflight: " + errors.size() + " settings are wrong:\n  - " + String.join("\n  - ", errors));
    }
    return settings;
  }

  private static String duckDb(RunSettings settings, PypiIndex index) {
    try (Phase phase = Phase.begin("preflight: DuckDB and its extensions")) {
      return ExtensionProvisioner.ensureLoadable(settings.duckDbExtensionDir(), index);
    } catch (IllegalStateException e) {
      throw new PreflightFailure("preflight: " + e.getMessage());
    } catch (Exception e) {
      throw new PreflightFailure("preflight: DuckDB did not open on the extension directory "
          + settings.duckDbExtensionDir() + " (" + RunSettings.DUCKDB_EXTENSION_DIR + "): " + e);
    }
  }

  private static <T> T attempt(List<String> errors, Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return null;
    }
  }
}
