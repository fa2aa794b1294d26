package lakehouse.stack.containers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment and command of Polaris' server and admin tool on PostgreSQL (relational-jdbc),
 * from Polaris' {@code relational-jdbc.md} and {@code admin-tool.md} (containers-stack.md §5.2).
 * Pure functions; the values hold secrets, so never log them.
 */
final class PolarisEnvironment {
  private PolarisEnvironment() {}

  /** What both the admin tool and the server need to reach the metastore. */
  static Map<String, String> persistence(ContainerCredentials credentials) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("POLARIS_PERSISTENCE_TYPE", "relational-jdbc");
    env.put("QUARKUS_DATASOURCE_JDBC_URL", StackWiring.polarisJdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", credentials.postgresUser());
    env.put("QUARKUS_DATASOURCE_PASSWORD", credentials.postgresPassword());
    return env;
  }

  /** The server: metastore, realm, root credentials, and its own S3 access to MinIO (§5.3). */
  static Map<String, String> server(ContainerCredentials credentials) {
    Map<String, String> env = persistence(credentials);
    env.put("POLARIS_REALM_CONTEXT_REALMS", StackWiring.REALM);
    env.put("POLARIS_BOOTSTRAP_CREDENTIALS", bootstrapCredential(credentials));
    env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
    env.putAll(tokenBroker(credentials));
    // With stsUnavailable Polaris writes metadata.json through the default AWS credential chain;
    // its STS client also wants a region at start (polaris #368).
    env.put("AWS_REGION", StackWiring.REGION);
    env.put("AWS_ACCESS_KEY_ID", credentials.minioUser());
    env.put("AWS_SECRET_ACCESS_KEY", credentials.minioPassword());
    return env;
  }

  /**
   * A token key that outlives a restart of Polaris. Without one, Polaris 1.7.0 signs its tokens with
   * an RSA key pair made in memory at each start ({@code RSAKeyPairJWTBrokerFactory.generateEphemeralKeyPair}),
   * so after {@code restartCatalogAndStore} every token Redpanda, the JVM or DuckDB holds fails
   * verification with 401 ({@code JWTBroker.verify}), and Redpanda renews its token only on expiry.
   * The symmetric-key broker ({@code SymmetricKeyJWTBrokerFactory}) signs with HMAC-SHA256 and this
   * run's key instead. The keys are {@code AuthenticationRealmConfiguration.TokenBrokerConfiguration}'s,
   * given under their property names, which Polaris' configuration guide recommends for container
   * environments over the upper-case form ({@code configuring-polaris.md}).
   */
  static Map<String, String> tokenBroker(ContainerCredentials credentials) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("polaris.authentication.token-broker.type", "symmetric-key");
    env.put("polaris.authentication.token-broker.symmetric-key.secret", credentials.polarisTokenKey());
    return env;
  }

  /** The admin tool's one-shot command: create the schema, the realm and its root principal. */
  static List<String> bootstrapCommand(ContainerCredentials credentials) {
    return List.of("bootstrap", "-r", StackWiring.REALM, "-c", bootstrapCredential(credentials));
  }

  /** {@code realm,clientId,clientSecret}: the realm must match one Polaris serves (§5.1, P5). */
  private static String bootstrapCredential(ContainerCredentials credentials) {
    return StackWiring.REALM + "," + credentials.polarisClientId() + "," + credentials.polarisClientSecret();
  }
}
