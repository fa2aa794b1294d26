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
        catalog(host, ports.polaris(), credentials.polarisClientId(), credentials.polarisClientSecret()),
        // DuckDB reads with these keys itself: the catalog vends none (stsUnavailable).
        new Endpoints.S3(
            s3Uri(host, ports.minio()),
            StackWiring.REGION,
            credentials.minioUser(),
            credentials.minioPassword(),
            true),
        StackWiring.NAMESPACE);
  }

  /** MinIO's S3 API as the JVM reaches it; Polaris hands the same URL to clients as the catalog's {@code endpoint}. */
  static String s3Uri(String host, int port) {
    return "http://" + host + ":" + port;
  }

  /**
   * The read-only principal's view of the same catalog: only the client credentials differ.
   * {@code PRINCIPAL_ROLE:ALL} activates every principal role the principal holds, which for the
   * reader is its one read-only role, so the root's scope is right for it too.
   */
  static Endpoints.Catalog readOnlyCatalog(String host, int polarisPort, PrincipalCredentials reader) {
    return catalog(host, polarisPort, reader.clientId(), reader.clientSecret());
  }

  private static Endpoints.Catalog catalog(String host, int polarisPort, String clientId, String clientSecret) {
    return new Endpoints.Catalog(
        StackWiring.catalogUri(host, polarisPort),
        StackWiring.CATALOG,
        clientId,
        clientSecret,
        StackWiring.tokenUri(host, polarisPort),
        StackWiring.SCOPE);
  }
}
