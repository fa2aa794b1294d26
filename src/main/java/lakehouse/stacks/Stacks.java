package lakehouse.stacks;

import java.io.PrintStream;
import java.util.function.Supplier;
import lakehouse.stack.LakehouseStack;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import lakehouse.stack.StackKind;
import lakehouse.stack.StartupLog;
import lakehouse.stack.containers.ContainerStack;
import lakehouse.stack.containers.Docker;
import lakehouse.stack.embedded.EmbeddedStack;
import lakehouse.stack.external.ExternalStack;

/** Starts the stack that {@code lakehouse.stack} chooses. */
public final class Stacks {
  private Stacks() {}

  /** Reads every setting, resolving {@code auto} by asking Docker, since defaults follow the stack. */
  public static RunSettings settings(Settings settings) {
    return RunSettings.from(settings, Stacks::resolve);
  }

  public static LakehouseStack start(RunSettings settings, StartupLog log) throws Exception {
    return switch (resolve(settings.stack())) {
      case EMBEDDED -> EmbeddedStack.start(settings, log);
      case CONTAINERS -> log.step("containers (MinIO, PostgreSQL, Polaris, Redpanda)", () -> ContainerStack.start(settings));
      case EXTERNAL -> log.step("external cluster settings", () -> ExternalStack.connect(settings));
      case AUTO -> throw new AssertionError("resolved above");
    };
  }

  /**
   * {@code auto} means containers when a Docker engine answers, embedded otherwise; either way the
   * run says which and why, so a slow Docker never turns into a silent embedded run.
   */
  public static StackKind resolve(StackKind requested) {
    return resolve(requested, Docker::answer, System.out);
  }

  static StackKind resolve(StackKind requested, Supplier<Docker.Answer> docker, PrintStream out) {
    if (requested != StackKind.AUTO) {
      return requested;
    }
    Docker.Answer answer = docker.get();
    StackKind chosen = answer.available() ? StackKind.CONTAINERS : StackKind.EMBEDDED;
    out.println("[lakehouse] lakehouse.stack=auto chose " + chosen.settingValue() + ": " + answer.description()
        + (answer.available() ? "" : "; -Dlakehouse.stack=containers fails instead of falling back"));
    return chosen;
  }
}
