package lakehouse.stack;

import lakehouse.stack.embedded.EmbeddedStack;

/** Starts the stack that {@code lakehouse.stack} chooses. */
public final class Stacks {
  private Stacks() {}

  public static LakehouseStack start(RunSettings settings, StartupLog log) {
    return switch (resolve(settings.stack())) {
      case EMBEDDED -> EmbeddedStack.start(settings, log);
      case CONTAINERS -> throw new IllegalStateException("lakehouse.stack=containers is not built yet");
      case EXTERNAL -> throw new IllegalStateException("lakehouse.stack=external is not built yet");
      case AUTO -> throw new AssertionError("resolved above");
    };
  }

  /** {@code auto} means containers when a Docker engine answers, embedded otherwise. */
  static StackKind resolve(StackKind requested) {
    if (requested != StackKind.AUTO) {
      return requested;
    }
    return StackKind.EMBEDDED;
  }
}
