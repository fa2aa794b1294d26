package lakehouse.stack.external;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lakehouse.stack.Capability;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.IcebergTopics;
import lakehouse.stack.LakehouseStack;
import lakehouse.stack.RunSettings;
import lakehouse.stack.StackKind;
import lakehouse.stack.connect.ConnectIcebergTopics;
import lakehouse.stack.redpanda.RedpandaAdminApi;
import lakehouse.stack.redpanda.RedpandaIcebergTopics;
import lakehouse.stack.redpanda.RedpandaVersion;

/**
 * A cluster that already runs: a multi-broker Redpanda, a hosted Polaris, real S3, or Apache Kafka
 * with Kafka Connect. Nothing is started or stopped; topics get a run-scoped suffix so that runs
 * against a long-lived cluster never collide with earlier ones.
 */
public final class ExternalStack implements LakehouseStack {
  private final Endpoints endpoints;
  private final String runId;
  private final IcebergTopics icebergTopics;
  private final Optional<Endpoints.Catalog> readOnlyCatalog;

  private ExternalStack(Endpoints endpoints, String runId, IcebergTopics icebergTopics,
      Optional<Endpoints.Catalog> readOnlyCatalog) {
    this.endpoints = endpoints;
    this.runId = runId;
    this.icebergTopics = icebergTopics;
    this.readOnlyCatalog = readOnlyCatalog;
  }

  public static ExternalStack connect(RunSettings settings) {
    Endpoints endpoints = ExternalSettings.endpoints(settings.source());
    String runId = settings.source().get(ExternalSettings.RUN_ID).orElseGet(ExternalStack::newRunId);
    if (!runId.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException(ExternalSettings.RUN_ID + "=" + runId
          + " may hold only lower-case letters, digits and '_', since it becomes part of topic and table names");
    }
    if (endpoints.connectUrl() == null) {
      System.out.println("[lakehouse] " + checkRedpandaRelease(settings.source().get(ExternalSettings.REDPANDA_ADMIN_URL)));
    }
    return new ExternalStack(endpoints, runId, icebergTopics(endpoints, settings),
        ExternalSettings.readOnlyCatalog(settings.source(), endpoints.catalog()));
  }

  /**
   * Where Redpanda writes Iceberg, its release matters ({@link RedpandaVersion#WHY_MINIMUM}); the
   * Kafka API does not tell it, Redpanda's Admin API does, when its URL is given.
   *
   * @return what was checked, or why nothing was
   */
  static String checkRedpandaRelease(Optional<String> adminUrl) {
    return adminUrl
        .map(url -> new RedpandaAdminApi(url, ExternalSettings.REDPANDA_ADMIN_URL).requireSupportedBrokers())
        .orElse("Redpanda's release is not checked: set " + ExternalSettings.REDPANDA_ADMIN_URL + " to its Admin API"
            + " (such as http://broker-1:9644) to refuse brokers older than " + RedpandaVersion.MINIMUM.major() + "."
            + RedpandaVersion.MINIMUM.minor());
  }

  /**
   * Kafka Connect with the Iceberg sink when its URL is set, Redpanda's own Iceberg topics
   * otherwise; the topics are this run's own, so each gets the commit interval as its target lag.
   */
  private static IcebergTopics icebergTopics(Endpoints endpoints, RunSettings settings) {
    Duration commitInterval = settings.commitInterval();
    return endpoints.connectUrl() != null
        ? new ConnectIcebergTopics(endpoints, commitInterval)
        : new RedpandaIcebergTopics(endpoints, Optional.of(commitInterval), settings.source().millis(
            ExternalSettings.REDPANDA_SCHEMA_CACHE_TTL, RedpandaIcebergTopics.DEFAULT_SCHEMA_CACHE_TTL.toMillis()));
  }

  static String newRunId() {
    return "run" + Long.toString(System.currentTimeMillis(), 36)
        + Integer.toString(new SecureRandom().nextInt(36 * 36), 36).toLowerCase(Locale.ROOT);
  }

  public String runId() {
    return runId;
  }

  @Override
  public StackKind kind() {
    return StackKind.EXTERNAL;
  }

  @Override
  public String banner() {
    String writer = endpoints.connectUrl() != null
        ? "Kafka Connect at " + endpoints.connectUrl() + " with the Iceberg sink writes Iceberg"
        : "Redpanda Iceberg Topics write Iceberg (Schema Registry " + endpoints.schemaRegistryUrl() + ")";
    return "external: Kafka API at " + endpoints.kafka().bootstrapServers() + "; " + writer
        + "; REST catalog at " + endpoints.catalog().uri() + "; S3 at " + endpoints.s3().endpoint()
        + "; topics and tables carry the run suffix _" + runId + "; nothing is started or stopped";
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public IcebergTopics icebergTopics() {
    return icebergTopics;
  }

  /** Access control is proven where the settings name a read-only principal; faults are never injected. */
  @Override
  public Set<Capability> capabilities() {
    return readOnlyCatalog.isPresent() ? Set.of(Capability.CATALOG_ACCESS_CONTROL) : Set.of();
  }

  @Override
  public String whyNot(Capability capability) {
    return switch (capability) {
      case CATALOG_ACCESS_CONTROL -> "set " + ExternalSettings.CATALOG_READER_CLIENT_ID + " and "
          + ExternalSettings.CATALOG_READER_CLIENT_SECRET + " to a principal with read-only grants to prove access control";
      case FAULT_INJECTION -> "an external cluster is not this suite's to restart";
    };
  }

  @Override
  public Optional<Endpoints.Catalog> readOnlyCatalog() {
    return readOnlyCatalog;
  }

  @Override
  public String topicName(String logical) {
    return logical + "_" + runId;
  }

  /** The cluster is not ours: nothing to stop. */
  @Override
  public void close() {}
}
