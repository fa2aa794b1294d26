package lakehouse.stack.containers;

import static java.util.stream.Collectors.joining;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.stack.Secrets;

/**
 * Redpanda's {@code /etc/redpanda/.bootstrap.yaml}: the cluster properties for Iceberg Topics on a
 * Polaris REST catalog and Tiered Storage on MinIO. A pure function of its inputs.
 *
 * <p>Why a bootstrap file: the Iceberg and cloud storage keys need a restart, and once a bootstrap
 * file exists Redpanda ignores cluster keys given as {@code --set} (containers-stack.md §3.4).
 * The file holds secrets: copy it into the container, never log it.
 */
record RedpandaBootstrapConfig(TieredStorage storage, RestCatalog catalog, Duration commitInterval) {
  /**
   * How soon a new schema version is used: {@code iceberg_latest_schema_cache_ttl_ms}, 5 minutes by
   * default, which would make the schema evolution spec wait that long.
   */
  public static final Duration SCHEMA_CACHE_TTL = Duration.ofSeconds(1);

  /** Where Tiered Storage writes, as seen from inside the Docker network. */
  public record TieredStorage(
      String host, int port, String bucket, String region, String accessKey, String secretKey) {
    @Override
    public String toString() {
      return "TieredStorage[" + host + ":" + port + ", bucket=" + bucket + ", region=" + region
          + ", accessKey=" + accessKey + ", secretKey=" + Secrets.MASK + "]";
    }
  }

  /** The Iceberg REST catalog and the OAuth2 client credentials Redpanda commits with. */
  public record RestCatalog(
      String endpoint, String tokenUri, String clientId, String clientSecret, String scope, String warehouse) {
    @Override
    public String toString() {
      return "RestCatalog[endpoint=" + endpoint + ", tokenUri=" + tokenUri + ", clientId=" + clientId
          + ", clientSecret=" + Secrets.MASK + ", scope=" + scope + ", warehouse=" + warehouse + "]";
    }
  }

  /** The configuration of the containers stack: MinIO and Polaris by their network aliases. */
  static RedpandaBootstrapConfig forStack(ContainerCredentials credentials, Duration commitInterval) {
    return new RedpandaBootstrapConfig(
        new TieredStorage(StackWiring.MINIO, StackWiring.MINIO_S3_PORT, StackWiring.BUCKET, StackWiring.REGION,
            credentials.minioUser(), credentials.minioPassword()),
        new RestCatalog(
            StackWiring.catalogUri(StackWiring.POLARIS, StackWiring.POLARIS_API_PORT),
            StackWiring.tokenUri(StackWiring.POLARIS, StackWiring.POLARIS_API_PORT),
            credentials.polarisClientId(), credentials.polarisClientSecret(), StackWiring.SCOPE, StackWiring.CATALOG),
        commitInterval);
  }

  /** The cluster properties in the order of containers-stack.md §3.1. */
  public Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    // What RedpandaContainer's own bootstrap file holds, since this file replaces it (§3.7).
    p.put("superusers", List.of());
    p.put("auto_create_topics_enabled", true);
    // Tiered Storage on MinIO (§3.3): host only, no scheme; path style; the bucket must exist.
    p.put("cloud_storage_enabled", true);
    p.put("cloud_storage_bucket", storage.bucket());
    p.put("cloud_storage_region", storage.region());
    p.put("cloud_storage_api_endpoint", storage.host());
    p.put("cloud_storage_api_endpoint_port", storage.port());
    p.put("cloud_storage_disable_tls", true);
    p.put("cloud_storage_url_style", "path");
    p.put("cloud_storage_access_key", storage.accessKey());
    p.put("cloud_storage_secret_key", storage.secretKey());
    p.put("cloud_storage_enable_remote_write", true);
    p.put("cloud_storage_enable_remote_read", true);
    p.put("cloud_storage_segment_max_upload_interval_sec", 30);
    // Iceberg Topics on a REST catalog (§3.2): without oauth2 Redpanda sends no token (R1);
    // the warehouse is the Polaris catalog name (R2).
    p.put("iceberg_enabled", true);
    p.put("iceberg_catalog_type", "rest");
    p.put("iceberg_rest_catalog_endpoint", catalog.endpoint());
    p.put("iceberg_rest_catalog_authentication_mode", "oauth2");
    p.put("iceberg_rest_catalog_oauth2_server_uri", catalog.tokenUri());
    p.put("iceberg_rest_catalog_oauth2_scope", catalog.scope());
    p.put("iceberg_rest_catalog_client_id", catalog.clientId());
    p.put("iceberg_rest_catalog_client_secret", catalog.clientSecret());
    p.put("iceberg_rest_catalog_warehouse", catalog.warehouse());
    // How soon records become a snapshot: the run's commit interval, for both the lag target and
    // the coordinator's commit cadence, so neither one holds the other back.
    p.put("iceberg_catalog_commit_interval_ms", commitInterval.toMillis());
    p.put("iceberg_target_lag_ms", commitInterval.toMillis());
    p.put("iceberg_latest_schema_cache_ttl_ms", SCHEMA_CACHE_TTL.toMillis());
    return Collections.unmodifiableMap(p);
  }

  /** The file itself: one {@code key: value} line per property, strings double-quoted. */
  public String yaml() {
    StringBuilder yaml = new StringBuilder()
        .append("# Cluster properties of the lakehouse containers stack.\n")
        .append("# Redpanda reads this file only on the first start of a cluster.\n");
    properties().forEach((key, value) -> yaml.append(key).append(": ").append(yamlValue(value)).append('\n'));
    return yaml.toString();
  }

  static String yamlValue(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(RedpandaBootstrapConfig::yamlValue).collect(joining(", ", "[", "]"));
    }
    if (value instanceof Boolean || value instanceof Number) {
      return value.toString();
    }
    return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
