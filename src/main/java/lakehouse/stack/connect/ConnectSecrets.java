package lakehouse.stack.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.IcebergClients;
import lakehouse.stack.SaslJaas;
import lakehouse.stack.Secrets;
import lakehouse.stack.Settings;

/**
 * Keeps every secret out of the sink connectors' configurations, which Kafka Connect stores and serves
 * on its REST API: the catalog secret, the S3 secret key, and the Kafka client's SASL password and
 * truststore password. The configurations hold Kafka {@code ConfigProvider} placeholders instead, which
 * the worker resolves when it starts a connector: {@code ${env:LAKEHOUSE_CATALOG_CLIENT_SECRET}}
 * ({@code EnvVarConfigProvider}, the worker's environment) or
 * {@code ${file:<file>:lakehouse.catalog.client-secret}} ({@code FileConfigProvider}, a properties file
 * on the worker), as {@link Endpoints#connectSecretsFile()} says. The worker must define the providers
 * under these aliases ({@link #workerConfig}).
 */
public final class ConnectSecrets {
  /** The aliases the worker's {@code config.providers} must use for the placeholders to resolve. */
  public static final String ENV_PROVIDER = "env";
  public static final String FILE_PROVIDER = "file";
  /** The secrets, under the setting names, in the file and (upper-cased) in the environment. */
  public static final String CATALOG_SECRET = ExternalSettings.CATALOG_CLIENT_SECRET;
  public static final String S3_SECRET = ExternalSettings.S3_SECRET_KEY;
  public static final String KAFKA_SASL_PASSWORD = ExternalSettings.KAFKA_SASL_PASSWORD;
  public static final String KAFKA_TRUSTSTORE_PASSWORD = ExternalSettings.KAFKA_TRUSTSTORE_PASSWORD;

  private ConnectSecrets() {}

  /** {@link IcebergClients#restCatalog} for a connector: the same properties, each secret a placeholder. */
  public static Map<String, String> restCatalog(Endpoints endpoints) {
    Map<String, String> props = IcebergClients.restCatalog(endpoints);
    props.put("credential", endpoints.catalog().clientId() + ":" + placeholder(endpoints, CATALOG_SECRET));
    props.put("s3.secret-access-key", placeholder(endpoints, S3_SECRET));
    return props;
  }

  /**
   * The Kafka client properties for the sink's own producers and consumers ({@code iceberg.kafka.*}):
   * the stack's, with the truststore password and the password inside {@code sasl.jaas.config} as
   * placeholders. The worker's provider substitutes the placeholder inside the JAAS line, so the
   * worker's value is the password as it would stand between the quotes: {@code \\} and {@code \"}
   * escaped ({@link #secrets} writes it so).
   */
  public static Map<String, String> kafkaClient(Endpoints endpoints) {
    Map<String, String> props = new LinkedHashMap<>(endpoints.kafka().clientProperties());
    props.computeIfPresent("ssl.truststore.password", (key, value) -> placeholder(endpoints, KAFKA_TRUSTSTORE_PASSWORD));
    props.computeIfPresent("sasl.jaas.config", (key, jaas) -> SaslJaas.config(props.get("sasl.mechanism"),
        SaslJaas.option(jaas, "username").orElseThrow(() -> noOption("username")),
        placeholder(endpoints, KAFKA_SASL_PASSWORD)));
    props.keySet().stream().filter(key -> Secrets.isSecretKey(key) && !props.get(key).contains("${")).findFirst()
        .ifPresent(key -> {
          throw new IllegalArgumentException("the Kafka client property " + key + " holds a secret that the sink"
              + " connectors could only carry as a value; set Kafka credentials through the lakehouse.kafka.* settings"
              + " (docs/configuration.md), whose secrets the connectors name by placeholder");
        });
    return props;
  }

  /** Every secret a worker must hold for these endpoints, under the setting names the placeholders use. */
  static Map<String, String> secrets(Endpoints endpoints) {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put(CATALOG_SECRET, endpoints.catalog().clientSecret());
    secrets.put(S3_SECRET, endpoints.s3().secretKey());
    Map<String, String> client = endpoints.kafka().clientProperties();
    if (client.containsKey("ssl.truststore.password")) {
      secrets.put(KAFKA_TRUSTSTORE_PASSWORD, client.get("ssl.truststore.password"));
    }
    if (client.containsKey("sasl.jaas.config")) {
      // The placeholder is substituted between the quotes of the JAAS line, so the worker's value keeps the escapes.
      secrets.put(KAFKA_SASL_PASSWORD, SaslJaas.escapedOption(client.get("sasl.jaas.config"), "password")
          .orElseThrow(() -> noOption("password")));
    }
    return secrets;
  }

  private static IllegalArgumentException noOption(String option) {
    return new IllegalArgumentException("sasl.jaas.config has no " + option + "=\"…\" option; set the SASL credentials"
        + " through lakehouse.kafka.sasl-username and lakehouse.kafka.sasl-password");
  }

  /** Where the worker finds the secret of this setting: its file if the endpoints name one, its environment otherwise. */
  static String placeholder(Endpoints endpoints, String setting) {
    return endpoints.connectSecretsFile() == null
        ? "${" + ENV_PROVIDER + ":" + Settings.environmentName(setting) + "}"
        : "${" + FILE_PROVIDER + ":" + endpoints.connectSecretsFile() + ":" + setting + "}";
  }

  /**
   * The worker properties that resolve both kinds of placeholder: Kafka's own providers under the
   * aliases {@value #ENV_PROVIDER} and {@value #FILE_PROVIDER}. The file provider may read only
   * under {@code secretsDir} ({@code allowed.paths}, KIP-993).
   */
  public static Map<String, String> workerConfig(Path secretsDir) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("config.providers", ENV_PROVIDER + "," + FILE_PROVIDER);
    config.put("config.providers." + ENV_PROVIDER + ".class",
        "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    config.put("config.providers." + FILE_PROVIDER + ".class",
        "org.apache.kafka.common.config.provider.FileConfigProvider");
    config.put("config.providers." + FILE_PROVIDER + ".param.allowed.paths", secretsDir.toAbsolutePath().toString());
    return config;
  }

  /** The environment of a worker that reads the secrets with {@code EnvVarConfigProvider}. */
  public static Map<String, String> environment(Endpoints endpoints) {
    Map<String, String> environment = new LinkedHashMap<>();
    secrets(endpoints).forEach((setting, value) -> environment.put(Settings.environmentName(setting), value));
    return environment;
  }

  /** Writes the file {@code FileConfigProvider} reads, readable by its owner only. */
  public static void writeFile(Path file, Endpoints endpoints) {
    Properties secrets = new Properties();
    secrets(endpoints).forEach(secrets::setProperty);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (var out = Files.newBufferedWriter(file)) {
        secrets.store(out, "Secrets of the Iceberg sink connectors; read by Kafka Connect's FileConfigProvider");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the Connect secrets file " + file, e);
    }
  }
}
