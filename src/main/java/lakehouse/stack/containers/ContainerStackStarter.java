package lakehouse.stack.containers;

import java.time.Duration;
import java.util.Optional;
import lakehouse.stack.Endpoints;
import lakehouse.stack.Faults;
import lakehouse.stack.MonitoringUis;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts the containers in dependency order (containers-stack.md §2): MinIO and its bucket, which
 * Redpanda needs at its first start; PostgreSQL; Polaris' schema and root principal, then Polaris;
 * the catalog, grants and read-only principal, which Redpanda needs before its first commit;
 * Redpanda; with monitoring, Redpanda Console last. Redpanda's and Polaris' host ports are fixed up
 * front ({@link HostPorts}), so the faults can restart them without moving an address the JVM or
 * Redpanda's listener holds.
 */
final class ContainerStackStarter {
  /**
   * What the specs get: the endpoints, as root, the catalog as the read-only principal, and the faults;
   * and the web UIs, where monitoring was asked for.
   */
  record Started(Endpoints endpoints, Endpoints.Catalog readOnlyCatalog, Faults faults, Optional<MonitoringUis> monitoring) {}

  private final ContainerImages images;
  private final ContainerCredentials credentials;
  private final Duration commitInterval;
  private final boolean monitoring;
  private final StartedContainers containers;
  private String step = "not started";

  /** @param monitoring whether to start Redpanda Console too (with keep-running: docs/containers-stack.md) */
  ContainerStackStarter(ContainerImages images, ContainerCredentials credentials, Duration commitInterval,
      boolean monitoring, StartedContainers containers) {
    this.images = images;
    this.credentials = credentials;
    this.commitInterval = commitInterval;
    this.monitoring = monitoring;
    this.containers = containers;
  }

  /** The step that was running, for the message of a failed start. */
  String step() {
    return step;
  }

  Started start() {
    step = "choose fixed host ports for Redpanda and Polaris";
    HostPorts ports = HostPorts.choose();
    step = "start MinIO (" + images.minio() + ")";
    MinIOContainer minio = containers.start(StackWiring.MINIO, minio());
    step = "create bucket " + StackWiring.BUCKET + " in MinIO";
    MinioBucket.create(minio.getS3URL(), credentials, StackWiring.BUCKET);
    // Known from here on, so the catalog can hand it to clients: MinIO is never restarted.
    String s3ForClients = ContainerEndpoints.s3Uri(minio.getHost(), minio.getMappedPort(StackWiring.MINIO_S3_PORT));

    step = "start PostgreSQL (" + images.postgres() + ")";
    PostgreSQLContainer postgres = containers.start(StackWiring.POSTGRES, postgres());
    step = "bootstrap Polaris' metastore (" + images.polarisAdminTool() + ")";
    containers.runToCompletion("polaris-bootstrap",
        PolarisContainer.adminTool(images.polarisAdminTool(), containers.network(), credentials));
    step = "start Polaris (" + images.polaris() + ") on host ports " + ports.polarisBindings();
    PolarisContainer polaris = new PolarisContainer(images.polaris(), containers.network(), credentials);
    polaris.setPortBindings(ports.polarisBindings());
    containers.start(StackWiring.POLARIS, polaris);
    step = "create catalog " + StackWiring.CATALOG + ", its grants and a read-only principal in Polaris";
    PrincipalCredentials reader = new PolarisBootstrap(polaris.apiBaseUri(), credentials, s3ForClients).prepareCatalog();
    containers.maskAlso(reader.clientSecret());

    step = "start Redpanda (" + images.redpanda() + ") on host ports " + ports.redpandaBindings();
    IcebergRedpandaContainer redpanda = redpanda();
    redpanda.setPortBindings(ports.redpandaBindings());
    containers.start(StackWiring.REDPANDA, redpanda);
    Optional<MonitoringUis> uis = Optional.empty();
    if (monitoring) {
      step = "start Redpanda Console (" + images.redpandaConsole() + ")";
      RedpandaConsoleContainer console = containers.start(StackWiring.REDPANDA_CONSOLE,
          new RedpandaConsoleContainer(images.redpandaConsole(), containers.network()));
      // MinIO's console port is exposed by MinIOContainer itself, on an ephemeral host port.
      uis = Optional.of(new MonitoringUis(console.url(),
          "http://" + minio.getHost() + ":" + minio.getMappedPort(StackWiring.MINIO_CONSOLE_PORT),
          credentials.minioUser()));
    }
    step = "started";
    String host = redpanda.getHost();
    Endpoints endpoints = ContainerEndpoints.of(host,
        new ContainerEndpoints.MappedPorts(
            redpanda.getMappedPort(StackWiring.KAFKA_PORT),
            redpanda.schemaRegistryPort(),
            polaris.apiPort(),
            minio.getMappedPort(StackWiring.MINIO_S3_PORT)),
        credentials);
    Faults faults = new ContainerFaults(new DockerContainerControl(redpanda, polaris, postgres, endpoints));
    return new Started(endpoints, ContainerEndpoints.readOnlyCatalog(host, polaris.apiPort(), reader), faults, uis);
  }

  private MinIOContainer minio() {
    return new MinIOContainer(DockerImageName.parse(images.minio()).asCompatibleSubstituteFor("minio/minio"))
        .withUserName(credentials.minioUser())
        .withPassword(credentials.minioPassword())
        .withNetwork(containers.network())
        .withNetworkAliases(StackWiring.MINIO);
  }

  private PostgreSQLContainer postgres() {
    return new PostgreSQLContainer(DockerImageName.parse(images.postgres()).asCompatibleSubstituteFor("postgres"))
        .withDatabaseName(StackWiring.POLARIS_DATABASE)
        .withUsername(credentials.postgresUser())
        .withPassword(credentials.postgresPassword())
        .withNetwork(containers.network())
        .withNetworkAliases(StackWiring.POSTGRES);
  }

  /** Only the JVM talks Kafka, so the module's host-mapped listener is all Redpanda needs. */
  private IcebergRedpandaContainer redpanda() {
    IcebergRedpandaContainer redpanda = new IcebergRedpandaContainer(
        images.redpanda(), RedpandaBootstrapConfig.forStack(credentials, commitInterval));
    redpanda.withNetwork(containers.network());
    redpanda.withNetworkAliases(StackWiring.REDPANDA);
    return redpanda;
  }
}
