package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PolarisEnvironmentTest {
  private static final ContainerCredentials CREDENTIALS =
      new ContainerCredentials("minio-user", "minio-password", "root", "polaris-secret", "pg", "pg-password");

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

  @Test
  void theAdminToolBootstrapsRealmPolarisWithTheRootCredentials() {
    assertThat(PolarisEnvironment.bootstrapCommand(CREDENTIALS))
        .containsExactly("bootstrap", "-r", "POLARIS", "-c", "POLARIS,root,polaris-secret");
  }
}
