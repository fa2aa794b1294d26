package lakehouse.stack.containers;

import java.util.Map;
import lakehouse.stack.Endpoints;

/**
 * The {@link Endpoints} of a running containers stack: every address host-mapped, because the
 * specs and DuckDB run in the JVM, outside the Docker network. A pure function of the mapped ports.
 */
final class ContainerEndpoints {
  private ContainerEndpoints() {}

  /** The host ports Docker mapped the containers' ports to. */
  record MappedPorts(int kafka, int schemaRegistry, int polaris, int minio) {}

  static Endpoints of(String host, MappedPorts ports, ContainerCredentials credentials) {
    return new Endpoints(
        new Endpoints.Kafka(host + ":" + ports.kafka(), Map.of()),
        "http://" + host + ":" + ports.schemaRegistry(),
        new Endpoints.Catalog(
            StackWiring.catalogUri(host, ports.polaris()),
            StackWiring.CATALOG,
            credentials.polarisClientId(),
            credentials.polarisClientSecret(),
            StackWiring.tokenUri(host, ports.polaris()),
            StackWiring.SCOPE),
        // DuckDB reads with these keys itself: the catalog vends none (stsUnavailable).
        new Endpoints.S3(
            "http://" + host + ":" + ports.minio(),
            StackWiring.REGION,
            credentials.minioUser(),
            credentials.minioPassword(),
            true),
        StackWiring.NAMESPACE);
  }
}
