package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedpandaBootstrapConfigTest {
  private static final ContainerCredentials CREDENTIALS =
      new ContainerCredentials("minio-user", "minio-password", "root", "polaris-secret", "pg", "pg-password",
          "token-key");

  private final RedpandaBootstrapConfig config = RedpandaBootstrapConfig.forStack(CREDENTIALS, Duration.ofMillis(1500));

  @Test
  void everyKeyIsARedpanda25Point3ClusterProperty() throws Exception {
    Map<String, String> scopes = ReferenceContracts.redpandaPropertyScopes();

    List<String> keys = new ArrayList<>();
    parsed().fieldNames().forEachRemaining(keys::add);

    assertThat(keys).hasSize(config.properties().size());
    assertThat(keys).allSatisfy(key -> assertThat(scopes.get(key)).as("scope of %s in the v25.3.11 contract", key)
        .isEqualTo("cluster"));
  }

  @Test
  void tieredStorageWritesToTheRedpandaBucketInMinioByPathStyleWithoutTls() throws Exception {
    JsonNode yaml = parsed();

    assertThat(yaml.path("cloud_storage_enabled").asBoolean()).isTrue();
    assertThat(yaml.path("cloud_storage_bucket").asText()).isEqualTo("redpanda");
    assertThat(yaml.path("cloud_storage_region").asText()).isEqualTo("us-east-1");
    // host name only: no scheme, no port (containers-stack.md §3.3)
    assertThat(yaml.path("cloud_storage_api_endpoint").asText()).isEqualTo("minio");
    assertThat(yaml.path("cloud_storage_api_endpoint_port").asInt()).isEqualTo(9000);
    assertThat(yaml.path("cloud_storage_disable_tls").asBoolean()).isTrue();
    assertThat(yaml.path("cloud_storage_url_style").asText()).isEqualTo("path");
    assertThat(yaml.path("cloud_storage_access_key").asText()).isEqualTo("minio-user");
    assertThat(yaml.path("cloud_storage_secret_key").asText()).isEqualTo("minio-password");
  }

  @Test
  void icebergCommitsToPolarisWithOauth2ClientCredentialsAndTheCatalogNameAsWarehouse() throws Exception {
    JsonNode yaml = parsed();

    assertThat(yaml.path("iceberg_enabled").asBoolean()).isTrue();
    assertThat(yaml.path("iceberg_catalog_type").asText()).isEqualTo("rest");
    assertThat(yaml.path("iceberg_rest_catalog_endpoint").asText()).isEqualTo("http://polaris:8181/api/catalog");
    assertThat(yaml.path("iceberg_rest_catalog_authentication_mode").asText()).isEqualTo("oauth2");
    assertThat(yaml.path("iceberg_rest_catalog_oauth2_server_uri").asText())
        .isEqualTo("http://polaris:8181/api/catalog/v1/oauth/tokens");
    assertThat(yaml.path("iceberg_rest_catalog_oauth2_scope").asText()).isEqualTo("PRINCIPAL_ROLE:ALL");
    assertThat(yaml.path("iceberg_rest_catalog_client_id").asText()).isEqualTo("root");
    assertThat(yaml.path("iceberg_rest_catalog_client_secret").asText()).isEqualTo("polaris-secret");
    assertThat(yaml.path("iceberg_rest_catalog_warehouse").asText())
        .isEqualTo(PolarisManagementRequests.createCatalog("http://localhost:32771").path("catalog").path("name").asText());
  }

  @Test
  void theRunsCommitIntervalIsTheLagTargetAndTheCommitCadence() throws Exception {
    JsonNode yaml = parsed();

    assertThat(yaml.path("iceberg_target_lag_ms").isIntegralNumber()).isTrue();
    assertThat(yaml.path("iceberg_target_lag_ms").asLong()).isEqualTo(1500);
    assertThat(yaml.path("iceberg_catalog_commit_interval_ms").asLong()).isEqualTo(1500);
  }

  /** 5 minutes by default (redpanda-properties-v25.3.11), which SchemaEvolutionSpec would wait out. */
  @Test
  void aNewSchemaVersionIsUsedWithinASecond() throws Exception {
    assertThat(parsed().path("iceberg_latest_schema_cache_ttl_ms").asLong()).isEqualTo(1000);
    assertThat(RedpandaBootstrapConfig.SCHEMA_CACHE_TTL).hasMillis(1000);
  }

  @Test
  void keepsWhatTestcontainersOwnBootstrapFileHolds() throws Exception {
    JsonNode yaml = parsed();

    assertThat(yaml.path("superusers").isArray()).isTrue();
    assertThat(yaml.path("superusers")).isEmpty();
    assertThat(yaml.path("auto_create_topics_enabled").asBoolean()).isTrue();
  }

  @Test
  void polarisBaseLocationIsInsideTheTieredStorageBucket() throws Exception {
    // Redpanda rejects table locations outside cloud_storage_bucket (containers-stack.md §4.3, R4).
    String baseLocation = PolarisManagementRequests.createCatalog("http://localhost:32771").path("catalog").path("properties")
        .path("default-base-location").asText();

    assertThat(baseLocation).startsWith("s3://" + parsed().path("cloud_storage_bucket").asText());
  }

  @Test
  void stringsAreQuotedSoYamlNeverReadsThemAsOtherTypes() {
    assertThat(config.yaml()).contains("iceberg_rest_catalog_oauth2_scope: \"PRINCIPAL_ROLE:ALL\"\n");
    assertThat(RedpandaBootstrapConfig.yamlValue("a \"quoted\" \\ value")).isEqualTo("\"a \\\"quoted\\\" \\\\ value\"");
  }

  @Test
  void toStringMasksBothSecrets() {
    assertThat(config.toString()).doesNotContain("minio-password", "polaris-secret").contains("****");
  }

  private JsonNode parsed() throws Exception {
    return new YAMLMapper().readTree(config.yaml());
  }
}
