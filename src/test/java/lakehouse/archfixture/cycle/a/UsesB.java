package lakehouse.archfixture.cycle.a;

import lakehouse.archfixture.cycle.b.UsesA;

/** ArchitectureTest's fixture: one half of a package cycle. */
public final class UsesB {
  public UsesA other() {
    return new UsesA();
  }
}
