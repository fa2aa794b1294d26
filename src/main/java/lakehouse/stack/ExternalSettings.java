package lakehouse.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings that describe a cluster that already runs. Every stack can be written out in these
 * names ({@link #describe}), and any such description can be read back ({@link #endpoints}), so a
 * kept-running stack and an external cluster are configured the same way.
 */
public final class ExternalSettings {
  public static final String KAFKA_BOOTSTRAP = "lakehouse.kafka.bootstrap-servers";
  public static final String KAFKA_SECURITY_PROTOCOL = "lakehouse.kafka.security-protocol";
  public static final String KAFKA_SASL_MECHANISM = "lakehouse.kafka.sasl-mechanism";
  public static final String KAFKA_SASL_USERNAME = "lakehouse.kafka.sasl-username";
  public static final String KAFKA_SASL_PASSWORD = "lakehouse.kafka.sasl-password";
  public static final String KAFKA_TRUSTSTORE = "lakehouse.kafka.ssl-truststore-location";
  public static final String KAFKA_TRUSTSTORE_PASSWORD = "lakehouse.kafka.ssl-truststore-password";
  public static final String SCHEMA_REGISTRY_URL = "lakehouse.schema-registry.url";
  public static final String CONNECT_URL = "lakehouse.connect.url";
  /**
   * Optional, with {@link #CONNECT_URL}: a properties file on every Connect worker holding the catalog
   * secret and the S3 secret key, which the connectors then name by {@code ${file:…}} placeholders;
   * unset, they name the worker's environment variables by {@code ${env:…}}.
   */
  public static final String CONNECT_SECRETS_FILE = "lakehouse.connect.secrets-file";
  public static final String CATALOG_URI = "lakehouse.catalog.uri";
  public static final String CATALOG_WAREHOUSE = "lakehouse.catalog.warehouse";
  public static final String CATALOG_CLIENT_ID = "lakehouse.catalog.client-id";
  public static final String CATALOG_CLIENT_SECRET = "lakehouse.catalog.client-secret";
  public static final String CATALOG_TOKEN_URI = "lakehouse.catalog.token-uri";
  public static final String CATALOG_SCOPE = "lakehouse.catalog.scope";
  public static final String CATALOG_READER_CLIENT_ID = "lakehouse.catalog.reader-client-id";
  public static final String CATALOG_READER_CLIENT_SECRET = "lakehouse.catalog.reader-client-secret";
  public static final String S3_ENDPOINT = "lakehouse.s3.endpoint";
  public static final String S3_REGION = "lakehouse.s3.region";
  public static final String S3_ACCESS_KEY = "lakehouse.s3.access-key";
  public static final String S3_SECRET_KEY = "lakehouse.s3.secret-key";
  public static final String S3_PATH_STYLE = "lakehouse.s3.path-style";
  public static final String NAMESPACE = "lakehouse.namespace";
  public static final String RUN_ID = "lakehouse.run-id";
  /** The cluster's {@code iceberg_latest_schema_cache_ttl_ms}, which the schema evolution spec waits out. */
  public static final String REDPANDA_SCHEMA_CACHE_TTL = "lakehouse.redpanda.schema-cache-ttl-ms";
  /** Redpanda's Admin API, optional: where given, brokers older than the suite's minimum release are refused. */
  public static final String REDPANDA_ADMIN_URL = "lakehouse.redpanda.admin-url";

  /** Settings whose values are credentials: never printed, never written to target/. */
  public static final Set<String> SECRETS = Set.of(
      KAFKA_SASL_PASSWORD, KAFKA_TRUSTSTORE_PASSWORD, CATALOG_CLIENT_SECRET, CATALOG_READER_CLIENT_SECRET, S3_SECRET_KEY);

  private static final List<String> REQUIRED = List.of(
      KAFKA_BOOTSTRAP, CATALOG_URI, CATALOG_CLIENT_ID, CATALOG_CLIENT_SECRET, S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY);

  private ExternalSettings() {}

  /** Reads the endpoints, or fails once, naming every missing key. */
  public static Endpoints endpoints(Settings settings) {
    List<String> missing = new ArrayList<>();
    for (String key : REQUIRED) {
      if (settings.get(key).isEmpty()) {
        missing.add(key);
      }
    }
    if (settings.get(SCHEMA_REGISTRY_URL).isEmpty() && settings.get(CONNECT_URL).isEmpty()) {
      missing.add(SCHEMA_REGISTRY_URL + " (Redpanda) or " + CONNECT_URL + " (Kafka Connect with the Iceberg sink)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("lakehouse.stack=external needs these settings, missing: "
          + String.join(", ", missing) + ". Set each as -D<key>=… or as its environment variable, such as "
          + Settings.environmentName(missing.get(0).split(" ")[0]) + "; see docs/configuration.md");
    }
    String catalogUri = settings.get(CATALOG_URI).orElseThrow();
    return new Endpoints(
        new Endpoints.Kafka(settings.get(KAFKA_BOOTSTRAP).orElseThrow(), kafkaClientProperties(settings)),
        settings.get(SCHEMA_REGISTRY_URL).orElse(null),
        new Endpoints.Catalog(
            catalogUri,
            settings.string(CATALOG_WAREHOUSE, ""),
            settings.get(CATALOG_CLIENT_ID).orElseThrow(),
            settings.get(CATALOG_CLIENT_SECRET).orElseThrow(),
            settings.string(CATALOG_TOKEN_URI, stripSlash(catalogUri) + "/v1/oauth/tokens"),
            settings.string(CATALOG_SCOPE, "PRINCIPAL_ROLE:ALL")),
        new Endpoints.S3(
            settings.get(S3_ENDPOINT).orElseThrow(),
            settings.string(S3_REGION, "us-east-1"),
            settings.get(S3_ACCESS_KEY).orElseThrow(),
            settings.get(S3_SECRET_KEY).orElseThrow(),
            settings.flag(S3_PATH_STYLE, true)),
        settings.string(NAMESPACE, "redpanda"),
        settings.get(CONNECT_URL).orElse(null),
        settings.get(CONNECT_URL).flatMap(connect -> settings.get(CONNECT_SECRETS_FILE)).orElse(null));
  }

  /** A principal with read-only grants on the catalog, if both of its settings are given. */
  public static java.util.Optional<Endpoints.Catalog> readOnlyCatalog(Settings settings, Endpoints.Catalog catalog) {
    java.util.Optional<String> id = settings.get(CATALOG_READER_CLIENT_ID);
    java.util.Optional<String> secret = settings.get(CATALOG_READER_CLIENT_SECRET);
    if (id.isEmpty() || secret.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Endpoints.Catalog(
        catalog.uri(), catalog.warehouse(), id.get(), secret.get(), catalog.tokenUri(), catalog.scope()));
  }

  /** The settings that reach the given endpoints, secrets included: keep them out of logs and reports. */
  public static Map<String, String> describe(Endpoints endpoints) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(KAFKA_BOOTSTRAP, endpoints.kafka().bootstrapServers());
    Map<String, String> client = endpoints.kafka().clientProperties();
    putIfPresent(settings, KAFKA_SECURITY_PROTOCOL, client.get("security.protocol"));
    putIfPresent(settings, KAFKA_SASL_MECHANISM, client.get("sasl.mechanism"));
    if (client.containsKey("sasl.jaas.config")) {
      putIfPresent(settings, KAFKA_SASL_USERNAME, SaslJaas.option(client.get("sasl.jaas.config"), "username").orElse(null));
      putIfPresent(settings, KAFKA_SASL_PASSWORD, SaslJaas.option(client.get("sasl.jaas.config"), "password").orElse(null));
    }
    putIfPresent(settings, KAFKA_TRUSTSTORE, client.get("ssl.truststore.location"));
    putIfPresent(settings, KAFKA_TRUSTSTORE_PASSWORD, client.get("ssl.truststore.password"));
    putIfPresent(settings, SCHEMA_REGISTRY_URL, endpoints.schemaRegistryUrl());
    putIfPresent(settings, CONNECT_URL, endpoints.connectUrl());
    putIfPresent(settings, CONNECT_SECRETS_FILE, endpoints.connectSecretsFile());
    settings.put(CATALOG_URI, endpoints.catalog().uri());
    settings.put(CATALOG_WAREHOUSE, endpoints.catalog().warehouse());
    settings.put(CATALOG_CLIENT_ID, endpoints.catalog().clientId());
    settings.put(CATALOG_CLIENT_SECRET, endpoints.catalog().clientSecret());
    settings.put(CATALOG_TOKEN_URI, endpoints.catalog().tokenUri());
    putIfPresent(settings, CATALOG_SCOPE, endpoints.catalog().scope());
    settings.put(S3_ENDPOINT, endpoints.s3().endpoint());
    settings.put(S3_REGION, endpoints.s3().region());
    settings.put(S3_ACCESS_KEY, endpoints.s3().accessKey());
    settings.put(S3_SECRET_KEY, endpoints.s3().secretKey());
    settings.put(S3_PATH_STYLE, Boolean.toString(endpoints.s3().pathStyle()));
    settings.put(NAMESPACE, endpoints.namespace());
    return settings;
  }

  /** The Kafka client properties the lakehouse.kafka.* settings give, a SASL JAAS line included. */
  public static Map<String, String> kafkaClientProperties(Settings settings) {
    Map<String, String> props = new HashMap<>();
    settings.get(KAFKA_SECURITY_PROTOCOL).ifPresent(v -> props.put("security.protocol", v));
    settings.get(KAFKA_TRUSTSTORE).ifPresent(v -> props.put("ssl.truststore.location", v));
    settings.get(KAFKA_TRUSTSTORE_PASSWORD).ifPresent(v -> props.put("ssl.truststore.password", v));
    settings.get(KAFKA_SASL_MECHANISM).ifPresent(mechanism -> {
      props.put("sasl.mechanism", mechanism);
      String user = settings.get(KAFKA_SASL_USERNAME).orElseThrow(() -> missingWith(KAFKA_SASL_USERNAME, KAFKA_SASL_MECHANISM));
      String password = settings.get(KAFKA_SASL_PASSWORD).orElseThrow(() -> missingWith(KAFKA_SASL_PASSWORD, KAFKA_SASL_MECHANISM));
      props.put("sasl.jaas.config", SaslJaas.config(mechanism, user, password));
    });
    return props;
  }

  private static IllegalArgumentException missingWith(String key, String because) {
    return new IllegalArgumentException(key + " is required when " + because + " is set");
  }

  private static void putIfPresent(Map<String, String> settings, String key, String value) {
    if (value != null && !value.isBlank()) {
      settings.put(key, value);
    }
  }

  private static String stripSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
