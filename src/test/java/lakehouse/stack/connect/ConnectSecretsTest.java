package lakehouse.stack.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.IcebergClients;
import lakehouse.stack.Settings;
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
    ConnectSecrets.writeFile(file, endpoints);
    FileConfigProvider files = new FileConfigProvider();
    files.configure(Map.of("allowed.paths", ConnectSecrets.workerConfig(file.getParent())
        .get("config.providers.file.param.allowed.paths")));

    Map<String, String> resolved = new ConfigTransformer(Map.<String, ConfigProvider>of("file", files))
        .transform(ConnectSecrets.restCatalog(endpoints)).data();

    assertThat(resolved).isEqualTo(IcebergClients.restCatalog(endpoints));
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  /**
   * The Kafka client's secrets become placeholders too, the SASL password inside its JAAS line, and the
   * worker's provider gives back exactly the client properties the suite itself uses, escapes included.
   */
  @Test
  void theKafkaClientsPasswordsArePlaceholdersThatResolveToTheSameClientProperties() throws Exception {
    Path file = dir.resolve("secrets").resolve("connect-secrets.properties");
    Endpoints endpoints = endpoints(file.toString(), ExternalSettings.kafkaClientProperties(new Settings(Map.of(
        ExternalSettings.KAFKA_SECURITY_PROTOCOL, "SASL_SSL",
        ExternalSettings.KAFKA_SASL_MECHANISM, "SCRAM-SHA-256",
        ExternalSettings.KAFKA_SASL_USERNAME, "writer",
        ExternalSettings.KAFKA_SASL_PASSWORD, "pa\\\"ss-W0rd",
        ExternalSettings.KAFKA_TRUSTSTORE, "/etc/kafka/truststore.jks",
        ExternalSettings.KAFKA_TRUSTSTORE_PASSWORD, "tr-W1rd"), Map.of())));
    ConnectSecrets.writeFile(file, endpoints);
    FileConfigProvider files = new FileConfigProvider();
    files.configure(Map.of());
    EnvVarConfigProvider env = new EnvVarConfigProvider(ConnectSecrets.environment(endpoints(null,
        endpoints.kafka().clientProperties())));
    env.configure(Map.of());

    Map<String, String> viaFile = ConnectSecrets.kafkaClient(endpoints);
    Map<String, String> viaEnvironment = ConnectSecrets.kafkaClient(endpoints(null, endpoints.kafka().clientProperties()));

    assertThat(viaFile.values()).noneMatch(value -> value.contains("W0rd") || value.contains("W1rd"));
    assertThat(viaEnvironment.values()).noneMatch(value -> value.contains("W0rd") || value.contains("W1rd"));
    assertThat(viaEnvironment).containsEntry("ssl.truststore.password", "${env:LAKEHOUSE_KAFKA_SSL_TRUSTSTORE_PASSWORD}");
    assertThat(viaEnvironment.get("sasl.jaas.config")).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule"
        + " required username=\"writer\" password=\"${env:LAKEHOUSE_KAFKA_SASL_PASSWORD}\";");
    assertThat(new ConfigTransformer(Map.<String, ConfigProvider>of("file", files)).transform(viaFile).data())
        .isEqualTo(endpoints.kafka().clientProperties());
    assertThat(new ConfigTransformer(Map.<String, ConfigProvider>of("env", env)).transform(viaEnvironment).data())
        .isEqualTo(endpoints.kafka().clientProperties());
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
    return endpoints(secretsFile, Map.of());
  }

  private static Endpoints endpoints(String secretsFile, Map<String, String> kafkaClient) {
    return new Endpoints(new Endpoints.Kafka("127.0.0.1:9092", kafkaClient), null, CATALOG, S3, "redpanda",
        "http://127.0.0.1:8083", secretsFile);
  }

  private static void assertNoSecretIn(Map<String, String> config) {
    assertThat(new HashMap<>(config).values()).allSatisfy(value ->
        assertThat(value).doesNotContain("catalog-secret-value").doesNotContain("s3-secret-value"));
  }
}
