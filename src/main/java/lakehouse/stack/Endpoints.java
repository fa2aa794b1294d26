package lakehouse.stack;

import java.util.Map;

/**
 * Everything a client needs to reach a stack. {@code toString()} never prints a secret.
 *
 * @param schemaRegistryUrl the Confluent-compatible Schema Registry: Redpanda's, or the embedded stand-in; null where an
 *     external Kafka Connect cluster has none
 * @param connectUrl the Kafka Connect REST API running the Iceberg sink; null where Redpanda writes Iceberg itself
 * @param connectSecretsFile the properties file from which the Connect worker's {@code FileConfigProvider}
 *     reads the catalog secret and the S3 secret key; null where the worker reads them from its
 *     environment ({@code EnvVarConfigProvider}), or where there is no Kafka Connect
 *     ({@code lakehouse.stack.connect.ConnectSecrets})
 */
public record Endpoints(
    Kafka kafka, String schemaRegistryUrl, Catalog catalog, S3 s3, String namespace, String connectUrl,
    String connectSecretsFile) {

  /** Endpoints of a stack whose Iceberg topics are Redpanda's own, with no Kafka Connect. */
  public Endpoints(Kafka kafka, String schemaRegistryUrl, Catalog catalog, S3 s3, String namespace) {
    this(kafka, schemaRegistryUrl, catalog, s3, namespace, null, null);
  }

  /** Endpoints whose Kafka Connect worker reads the secrets from its environment. */
  public Endpoints(Kafka kafka, String schemaRegistryUrl, Catalog catalog, S3 s3, String namespace, String connectUrl) {
    this(kafka, schemaRegistryUrl, catalog, s3, namespace, connectUrl, null);
  }

  /** The Kafka API, plus client properties such as SASL or TLS settings. */
  public record Kafka(String bootstrapServers, Map<String, String> clientProperties) {
    public Kafka {
      clientProperties = Map.copyOf(clientProperties);
    }

    @Override
    public String toString() {
      return "Kafka[bootstrapServers=" + bootstrapServers + ", clientProperties=" + Secrets.mask(clientProperties) + "]";
    }
  }

  /**
   * An Iceberg REST catalog with OAuth2 client credentials.
   *
   * @param uri the catalog base URI, such as {@code http://host:8181/api/catalog}
   * @param warehouse the warehouse (Polaris: the catalog name)
   */
  public record Catalog(
      String uri, String warehouse, String clientId, String clientSecret, String tokenUri, String scope) {
    @Override
    public String toString() {
      return "Catalog[uri=" + uri + ", warehouse=" + warehouse + ", clientId=" + clientId
          + ", clientSecret=" + Secrets.MASK + ", tokenUri=" + tokenUri + ", scope=" + scope + "]";
    }
  }

  /** An S3 API endpoint such as {@code http://127.0.0.1:9000}. */
  public record S3(String endpoint, String region, String accessKey, String secretKey, boolean pathStyle) {
    @Override
    public String toString() {
      return "S3[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey
          + ", secretKey=" + Secrets.MASK + ", pathStyle=" + pathStyle + "]";
    }
  }
}
