package lakehouse.stack.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergClients;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placeholders instead of secrets, resolved back by Kafka's own config providers as a worker does. */
class ConnectSecretsTest {
  private static final Endpoints.Catalog CATALOG = new Endpoints.Catalog("http://127.0.0.1:8181/api/catalog",
      "redpanda_catalog", "root", "catalog-secret-value", "http://127.0.0.1:8181/api/catalog/v1/oauth/tokens",
      "PRINCIPAL_ROLE:ALL");
  private static final Endpoints.S3 S3 = new Endpoints.S3("http://127.0.0.1:9000", "us-east-1", "lakehouse",
      "s3-secret-value", true);

  @TempDir
  Path dir;

  @Test
  void withoutASecretsFileTheConnectorNamesTheWorkersEnvironment() {
    Map<String, String> props = ConnectSecrets.restCatalog(endpoints(null));

    assertThat(props).containsEntry("credential", "root:${env:LAKEHOUSE_CATALOG_CLIENT_SECRET}")
        .containsEntry("s3.secret-access-key", "${env:LAKEHOUSE_S3_SECRET_KEY}");
    assertNoSecretIn(props);
  }

  @Test
  void withASecretsFileTheConnectorNamesItsKeys() {
    Path file = dir.resolve("connect-secrets.properties");

    Map<String, String> props = ConnectSecrets.restCatalog(endpoints(file.toString()));

    assertThat(props)
        .containsEntry("credential", "root:${file:" + file + ":lakehouse.catalog.client-secret}")
        .containsEntry("s3.secret-access-key", "${file:" + file + ":lakehouse.s3.secret-key}");
    assertNoSecretIn(props);
  }

  /** Kafka's EnvVarConfigProvider, given the environment the worker gets, turns the placeholders back into the values. */
  @Test
  void kafkasEnvVarConfigProviderResolvesThemToTheClientsOwnProperties() {
    Endpoints endpoints = endpoints(null);
    EnvVarConfigProvider env = new EnvVarConfigProvider(ConnectSecrets.environment(endpoints));
    env.configure(Map.of());

    Map<String, String> resolved = new ConfigTransformer(Map.<String, ConfigProvider>of("env", env))
        .transform(ConnectSecrets.restCatalog(endpoints)).data();

    assertThat(resolved).isEqualTo(IcebergClients.restCatalog(endpoints));
  }

  /** Kafka's FileConfigProvider, limited to the secrets directory as the worker config has it, reads the written file. */
  @Test
  void kafkasFileConfigProviderResolvesThemFromTheWrittenFile() throws Exception {
    Path file = dir.resolve("secrets").resolve("connect-secrets.properties");
    Endpoints endpoints = endpoints(file.toString());
    ConnectSecrets.writeFile(file, CATALOG, S3);
    FileConfigProvider files = new FileConfigProvider();
    files.configure(Map.of("allowed.paths", ConnectSecrets.workerConfig(file.getParent())
        .get("config.providers.file.param.allowed.paths")));

    Map<String, String> resolved = new ConfigTransformer(Map.<String, ConfigProvider>of("file", files))
        .transform(ConnectSecrets.restCatalog(endpoints)).data();

    assertThat(resolved).isEqualTo(IcebergClients.restCatalog(endpoints));
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void theWorkerDefinesBothProvidersUnderTheAliasesThePlaceholdersUse() {
    assertThat(ConnectSecrets.workerConfig(dir))
        .containsEntry("config.providers", "env,file")
        .containsEntry("config.providers.env.class", EnvVarConfigProvider.class.getName())
        .containsEntry("config.providers.file.class", FileConfigProvider.class.getName())
        .containsEntry("config.providers.file.param.allowed.paths", dir.toAbsolutePath().toString());
  }

  private static Endpoints endpoints(String secretsFile) {
    return new Endpoints(new Endpoints.Kafka("127.0.0.1:9092", Map.of()), null, CATALOG, S3, "redpanda",
        "http://127.0.0.1:8083", secretsFile);
  }

  private static void assertNoSecretIn(Map<String, String> config) {
    assertThat(new HashMap<>(config).values()).allSatisfy(value ->
        assertThat(value).doesNotContain("catalog-secret-value").doesNotContain("s3-secret-value"));
  }
}
