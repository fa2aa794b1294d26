package lakehouse.archfixture.cycle.b;

import lakehouse.archfixture.cycle.a.UsesB;

/** ArchitectureTest's fixture: the other half of a package cycle. */
public final class UsesA {
  public UsesB other() {
    return new UsesB();
  }
}
