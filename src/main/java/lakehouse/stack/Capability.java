package lakehouse.stack;

/** What a stack can prove. A spec that needs a capability the stack lacks is skipped with {@link #reasonMissing}. */
public enum Capability {
  /** The catalog authenticates principals and enforces grants. */
  CATALOG_ACCESS_CONTROL(
      "the embedded Iceberg REST reference catalog has no authentication or grants, so access control can only be proven on containers or external"),
  /** The stack can restart its own broker, Iceberg writer and catalog ({@link LakehouseStack#faults()}). */
  FAULT_INJECTION("this stack cannot restart its own components");

  private final String reasonMissing;

  Capability(String reasonMissing) {
    this.reasonMissing = reasonMissing;
  }

  public String reasonMissing() {
    return reasonMissing;
  }
}
