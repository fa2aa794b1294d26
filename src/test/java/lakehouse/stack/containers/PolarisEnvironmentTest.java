package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PolarisEnvironmentTest {
  private static final ContainerCredentials CREDENTIALS =
      new ContainerCredentials("minio-user", "minio-password", "root", "polaris-secret", "pg", "pg-password",
          "token-key");

  @Test
  void bothServerAndAdminToolUseRelationalJdbcOnThePostgresContainer() {
    Map<String, String> persistence = PolarisEnvironment.persistence(CREDENTIALS);

    assertThat(persistence).containsExactly(
        Map.entry("POLARIS_PERSISTENCE_TYPE", "relational-jdbc"),
        Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/polaris"),
        Map.entry("QUARKUS_DATASOURCE_USERNAME", "pg"),
        Map.entry("QUARKUS_DATASOURCE_PASSWORD", "pg-password"));
    assertThat(PolarisEnvironment.server(CREDENTIALS)).containsAllEntriesOf(persistence);
  }

  @Test
  void theServerServesRealmPolarisAndReachesMinioWithItsOwnKeys() {
    assertThat(PolarisEnvironment.server(CREDENTIALS))
        .containsEntry("POLARIS_REALM_CONTEXT_REALMS", "POLARIS")
        .containsEntry("POLARIS_BOOTSTRAP_CREDENTIALS", "POLARIS,root,polaris-secret")
        .containsEntry("QUARKUS_OTEL_SDK_DISABLED", "true")
        .containsEntry("AWS_REGION", "us-east-1")
        .containsEntry("AWS_ACCESS_KEY_ID", "minio-user")
        .containsEntry("AWS_SECRET_ACCESS_KEY", "minio-password");
  }

  /**
   * The keys of Polaris 1.7.0's {@code AuthenticationRealmConfiguration.TokenBrokerConfiguration}
   * (runtime/defaults application.properties, smallrye-polaris_authentication.md): the broker type
   * {@code symmetric-key} is {@code SymmetricKeyJWTBrokerFactory}'s identifier, and its secret is this
   * run's token key, which the stack's log masking knows.
   */
  @Test
  void theServerSignsTokensWithThisRunsSymmetricKeySoTokensSurviveARestart() {
    assertThat(PolarisEnvironment.server(CREDENTIALS))
        .containsEntry("polaris.authentication.token-broker.type", "symmetric-key")
        .containsEntry("polaris.authentication.token-broker.symmetric-key.secret", "token-key")
        .doesNotContainKeys("polaris.authentication.token-broker.rsa-key-pair.public-key-file",
            "POLARIS_AUTHENTICATION_TOKEN_BROKER_TYPE");
    assertThat(CREDENTIALS.secrets()).contains("token-key");
    assertThat(PolarisEnvironment.persistence(CREDENTIALS)).doesNotContainKey("polaris.authentication.token-broker.type");
  }

  @Test
  void everyRunHasItsOwnTokenKeyOfThirtyTwoBytes() {
    ContainerCredentials first = ContainerCredentials.generate();
    ContainerCredentials second = ContainerCredentials.generate();

    assertThat(first.polarisTokenKey()).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(second.polarisTokenKey());
    assertThat(first.toString()).doesNotContain(first.polarisTokenKey());
  }

  @Test
  void theAdminToolBootstrapsRealmPolarisWithTheRootCredentials() {
    assertThat(PolarisEnvironment.bootstrapCommand(CREDENTIALS))
        .containsExactly("bootstrap", "-r", "POLARIS", "-c", "POLARIS,root,polaris-secret");
  }
}
