package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import lakehouse.duckdb.DuckDbStatements;
import lakehouse.stack.Endpoints;
import org.junit.jupiter.api.Test;

class ContainerEndpointsTest {
  private static final ContainerCredentials CREDENTIALS =
      new ContainerCredentials("minio-user", "minio-password", "root", "polaris-secret", "pg", "pg-password",
          "token-key");

  private final Endpoints endpoints = ContainerEndpoints.of("localhost",
      new ContainerEndpoints.MappedPorts(32768, 32769, 32770, 32771), CREDENTIALS);

  @Test
  void everyAddressIsTheHostMappedPortTheJvmReaches() {
    assertThat(endpoints.kafka().bootstrapServers()).isEqualTo("localhost:32768");
    assertThat(endpoints.kafka().clientProperties()).isEmpty();
    assertThat(endpoints.schemaRegistryUrl()).isEqualTo("http://localhost:32769");
    assertThat(endpoints.catalog().uri()).isEqualTo("http://localhost:32770/api/catalog");
    assertThat(endpoints.catalog().tokenUri()).isEqualTo("http://localhost:32770/api/catalog/v1/oauth/tokens");
    assertThat(endpoints.catalog().scope()).isEqualTo("PRINCIPAL_ROLE:ALL");
    assertThat(endpoints.catalog().warehouse()).isEqualTo("redpanda_catalog");
    assertThat(endpoints.s3().endpoint()).isEqualTo("http://localhost:32771");
    assertThat(endpoints.s3().pathStyle()).isTrue();
    assertThat(endpoints.namespace()).isEqualTo("redpanda");
  }

  @Test
  void duckDbAttachesPolarisWithOauth2AndReadsMinioWithItsOwnSecret() {
    assertThat(DuckDbStatements.attach(endpoints)).containsExactly(
        "CREATE OR REPLACE SECRET lakehouse_catalog (TYPE ICEBERG, CLIENT_ID 'root', CLIENT_SECRET 'polaris-secret',"
            + " OAUTH2_SERVER_URI 'http://localhost:32770/api/catalog/v1/oauth/tokens',"
            + " OAUTH2_SCOPE 'PRINCIPAL_ROLE:ALL')",
        "CREATE OR REPLACE SECRET lakehouse_s3 (TYPE S3, KEY_ID 'minio-user', SECRET 'minio-password',"
            + " REGION 'us-east-1', ENDPOINT 'localhost:32771', URL_STYLE 'path', USE_SSL false)",
        "ATTACH 'redpanda_catalog' AS lake (TYPE ICEBERG, SECRET lakehouse_catalog,"
            + " ENDPOINT 'http://localhost:32770/api/catalog', ACCESS_DELEGATION_MODE 'none')");
  }

  @Test
  void theEndpointsNeverPrintASecret() {
    assertThat(endpoints.toString()).doesNotContain("polaris-secret", "minio-password");
  }

  @Test
  void theReaderReachesTheSameCatalogWithItsOwnCredentialsAndTheSameScope() {
    Endpoints.Catalog reader = ContainerEndpoints.readOnlyCatalog("localhost", 32770,
        new PrincipalCredentials("c0ffee", "reader-secret"));

    assertThat(reader).isEqualTo(new Endpoints.Catalog(endpoints.catalog().uri(), endpoints.catalog().warehouse(),
        "c0ffee", "reader-secret", endpoints.catalog().tokenUri(), "PRINCIPAL_ROLE:ALL"));
    assertThat(reader.toString()).contains("c0ffee").doesNotContain("reader-secret");
  }
}
