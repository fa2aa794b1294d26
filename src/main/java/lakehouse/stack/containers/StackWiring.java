package lakehouse.stack.containers;

/**
 * The names every container of the stack agrees on: network aliases, ports inside the network,
 * the bucket, the region and the Polaris catalog. In one place, because a mismatch between two of
 * them (bucket vs. base location, warehouse vs. catalog name) fails only at the first commit.
 */
final class StackWiring {
  static final String REDPANDA = "redpanda";
  static final String POLARIS = "polaris";
  static final String POSTGRES = "postgres";
  static final String MINIO = "minio";
  static final String REDPANDA_CONSOLE = "redpanda-console";

  static final int KAFKA_PORT = 9092;
  static final int SCHEMA_REGISTRY_PORT = 8081;
  static final int POLARIS_API_PORT = 8181;
  static final int POLARIS_MANAGEMENT_PORT = 8182;
  static final int POSTGRES_PORT = 5432;
  static final int MINIO_S3_PORT = 9000;
  /** MinIO's web console: Testcontainers' MinIOContainer runs {@code server --console-address :9001} and exposes it. */
  static final int MINIO_CONSOLE_PORT = 9001;
  /**
   * Redpanda's Kafka listener for other containers, advertised as {@code redpanda:29092}: the host-mapped
   * listener advertises an address only the host reaches, the internal one {@code 127.0.0.1}.
   */
  static final int NETWORK_KAFKA_PORT = 29092;
  /** Redpanda's Admin API inside the network. */
  static final int ADMIN_PORT = 9644;
  /** Redpanda Console's HTTP port, its default {@code server.listenPort}. */
  static final int REDPANDA_CONSOLE_PORT = 8080;

  /** Redpanda's Tiered Storage bucket; Polaris' base location must be inside it (containers-stack.md §4.3). */
  static final String BUCKET = "redpanda";
  /** MinIO's default region; SigV4 needs one value used everywhere (§3.3). */
  static final String REGION = "us-east-1";
  /** The Polaris catalog, which is also the warehouse Redpanda and DuckDB name (§3.2). */
  static final String CATALOG = "redpanda_catalog";
  /** Redpanda's default Iceberg namespace ({@code iceberg_default_catalog_namespace}). */
  static final String NAMESPACE = "redpanda";
  /** Polaris' default realm, used by clients that send no {@code Polaris-Realm} header (§5.1). */
  static final String REALM = "POLARIS";
  static final String SCOPE = "PRINCIPAL_ROLE:ALL";
  static final String POLARIS_DATABASE = "polaris";

  private StackWiring() {}

  static String baseLocation() {
    return "s3://" + BUCKET;
  }

  /** The Iceberg REST base URI at {@code host:port}; clients append {@code /v1/...}. */
  static String catalogUri(String host, int port) {
    return "http://" + host + ":" + port + "/api/catalog";
  }

  static String tokenUri(String host, int port) {
    return catalogUri(host, port) + "/v1/oauth/tokens";
  }

  static String polarisJdbcUrl() {
    return "jdbc:postgresql://" + POSTGRES + ":" + POSTGRES_PORT + "/" + POLARIS_DATABASE;
  }
}
