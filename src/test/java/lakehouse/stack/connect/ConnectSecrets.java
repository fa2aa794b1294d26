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
import lakehouse.stack.IcebergClients;
import lakehouse.stack.Settings;
import lakehouse.stack.external.ExternalSettings;

/**
 * Keeps the catalog secret and the S3 secret key out of the sink connectors' configurations, which
 * Kafka Connect stores and serves on its REST API. The configurations hold Kafka
 * {@code ConfigProvider} placeholders instead, which the worker resolves when it starts a connector:
 * {@code ${env:LAKEHOUSE_CATALOG_CLIENT_SECRET}} ({@code EnvVarConfigProvider}, the worker's
 * environment) or {@code ${file:<file>:lakehouse.catalog.client-secret}} ({@code FileConfigProvider},
 * a properties file on the worker), as {@link Endpoints#connectSecretsFile()} says. The worker must
 * define the providers under these aliases ({@link #workerConfig}).
 */
public final class ConnectSecrets {
  /** The aliases the worker's {@code config.providers} must use for the placeholders to resolve. */
  public static final String ENV_PROVIDER = "env";
  public static final String FILE_PROVIDER = "file";
  /** The secrets, under the setting names, in the file and (upper-cased) in the environment. */
  public static final String CATALOG_SECRET = ExternalSettings.CATALOG_CLIENT_SECRET;
  public static final String S3_SECRET = ExternalSettings.S3_SECRET_KEY;

  private ConnectSecrets() {}

  /** {@link IcebergClients#restCatalog} for a connector: the same properties, each secret a placeholder. */
  public static Map<String, String> restCatalog(Endpoints endpoints) {
    Map<String, String> props = IcebergClients.restCatalog(endpoints);
    props.put("credential", endpoints.catalog().clientId() + ":" + placeholder(endpoints, CATALOG_SECRET));
    props.put("s3.secret-access-key", placeholder(endpoints, S3_SECRET));
    return props;
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
    return Map.of(
        Settings.environmentName(CATALOG_SECRET), endpoints.catalog().clientSecret(),
        Settings.environmentName(S3_SECRET), endpoints.s3().secretKey());
  }

  /** Writes the file {@code FileConfigProvider} reads, readable by its owner only. */
  public static void writeFile(Path file, Endpoints.Catalog catalog, Endpoints.S3 s3) {
    Properties secrets = new Properties();
    secrets.setProperty(CATALOG_SECRET, catalog.clientSecret());
    secrets.setProperty(S3_SECRET, s3.secretKey());
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
