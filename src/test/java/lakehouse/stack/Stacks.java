package lakehouse.stack;

import lakehouse.stack.containers.ContainerStack;
import lakehouse.stack.containers.Docker;
import lakehouse.stack.embedded.EmbeddedStack;
import lakehouse.stack.external.ExternalStack;

/** Starts the stack that {@code lakehouse.stack} chooses. */
public final class Stacks {
  private Stacks() {}

  public static LakehouseStack start(RunSettings settings, StartupLog log) throws Exception {
    return switch (resolve(settings.stack())) {
      case EMBEDDED -> EmbeddedStack.start(settings, log);
      case CONTAINERS -> log.step("containers (MinIO, PostgreSQL, Polaris, Redpanda)", () -> ContainerStack.start(settings));
      case EXTERNAL -> log.step("external cluster settings", () -> ExternalStack.connect(settings));
      case AUTO -> throw new AssertionError("resolved above");
    };
  }

  /** {@code auto} means containers when a Docker engine answers, embedded otherwise. */
  static StackKind resolve(StackKind requested) {
    if (requested != StackKind.AUTO) {
      return requested;
    }
    return Docker.isAvailable() ? StackKind.CONTAINERS : StackKind.EMBEDDED;
  }
}
