package lakehouse;

import lakehouse.stack.Capability;
import lakehouse.stack.Endpoints;
import lakehouse.stack.Faults;
import lakehouse.stack.LakehouseStack;
import lakehouse.stack.RunSettings;
import lakehouse.stack.StackKind;

/**
 * What a spec sees of the running stack: typed handles for Kafka, the Iceberg catalog and DuckDB.
 * Specs receive it (or one of its handles) as a parameter from {@link lakehouse.junit.LakehouseExtension}:
 *
 * <pre>
 * &#64;LakehouseSpec
 * class MySpec {
 *   &#64;Test
 *   void tradesAreQueryable(DuckDbHandle duckdb) throws Exception {
 *     assertThat(duckdb.count("trades")).isPositive();
 *   }
 * }
 * </pre>
 */
public final class Lakehouse implements AutoCloseable {
  private final LakehouseStack stack;
  private final KafkaHandle kafka;
  private final CatalogHandle catalog;
  private final DuckDbHandle duckdb;

  public Lakehouse(LakehouseStack stack, RunSettings settings) {
    this.stack = stack;
    this.kafka = new KafkaHandle(stack.endpoints().kafka(), stack.icebergTopics(), stack.endpoints().schemaRegistryUrl());
    this.catalog = new CatalogHandle(stack.endpoints());
    this.duckdb = new DuckDbHandle(stack.endpoints(), settings.duckDbExtensionDir());
  }

  public KafkaHandle kafka() {
    return kafka;
  }

  public CatalogHandle catalog() {
    return catalog;
  }

  public DuckDbHandle duckdb() {
    return duckdb;
  }

  public StackKind stack() {
    return stack.kind();
  }

  public Endpoints endpoints() {
    return stack.endpoints();
  }

  public boolean supports(Capability capability) {
    return stack.capabilities().contains(capability);
  }

  /** Why the stack lacks a capability: the reason a spec that needs it is skipped with. */
  public String whyNot(Capability capability) {
    return stack.whyNot(capability);
  }

  /** When the stack's catalog received each commit request, where the stack runs its own catalog. */
  public java.util.Optional<lakehouse.stack.CommitRequests> commitRequests() {
    return stack.commitRequests();
  }

  /** The stack's fault injection; only where it {@link #supports} {@link Capability#FAULT_INJECTION}. */
  public Faults faults() {
    return stack.faults();
  }

  /** A principal with read-only grants, where the catalog enforces grants. */
  public java.util.Optional<Endpoints.Catalog> readOnlyCatalog() {
    return stack.readOnlyCatalog();
  }

  /** The topic (and table) name for a logical one, such as {@code trades}. */
  public String topic(String logical) {
    return stack.topicName(logical);
  }

  /** Closes the clients; the stack itself belongs to the session. */
  @Override
  public void close() throws Exception {
    try (duckdb; catalog) {
      // both closed, in reverse order
    }
  }
}
