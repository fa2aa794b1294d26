package lakehouse.stack;

import java.util.Set;

/**
 * One running lakehouse: a Kafka API, Iceberg topics, an Iceberg REST catalog and an S3 store.
 *
 * <p>Specs never see which implementation is behind it; they talk to the {@link Endpoints} through
 * the clients of {@link lakehouse.Lakehouse}. Only creating an Iceberg topic differs per stack, so
 * that is the one behaviour a stack supplies besides its endpoints.
 */
public interface LakehouseStack extends AutoCloseable {

  StackKind kind();

  /** One line: what runs, which versions, and what stands in for Redpanda and Polaris. */
  String banner();

  Endpoints endpoints();

  IcebergTopics icebergTopics();

  Set<Capability> capabilities();

  /** Why this stack lacks a capability; the reason a spec that needs it is skipped with. */
  default String whyNot(Capability capability) {
    return capability.reasonMissing();
  }

  /** Fault injection, where {@link #capabilities()} holds {@link Capability#FAULT_INJECTION}. */
  default Faults faults() {
    throw new UnsupportedOperationException(kind().settingValue() + ": " + whyNot(Capability.FAULT_INJECTION));
  }

  /**
   * Credentials of a principal granted only read access to the catalog's tables, where the catalog
   * enforces grants ({@link Capability#CATALOG_ACCESS_CONTROL}).
   */
  default java.util.Optional<Endpoints.Catalog> readOnlyCatalog() {
    return java.util.Optional.empty();
  }

  /** The real topic name for a logical one; external clusters add a run-scoped suffix. */
  default String topicName(String logical) {
    return logical;
  }

  /** When the catalog received each commit request, where the stack runs its own catalog. */
  default java.util.Optional<CommitRequests> commitRequests() {
    return java.util.Optional.empty();
  }

  /** Writes the logs of the stack's servers into {@code dir}, for a failed run. Stacks that log elsewhere write nothing. */
  default void dumpLogs(java.nio.file.Path dir) {}

  /** Stops everything the stack started. Idempotent, and safe from a shutdown hook. */
  @Override
  void close();

  /**
   * The web UIs the stack itself runs for people to watch it ({@code lakehouse.keep-running}); empty where the
   * stack runs none, and the run prints how to start one instead.
   */
  default java.util.Optional<MonitoringUis> monitoringUis() {
    return java.util.Optional.empty();
  }
}
