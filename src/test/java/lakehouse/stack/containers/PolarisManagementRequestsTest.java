package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lakehouse.stack.Endpoints;
import org.junit.jupiter.api.Test;

class PolarisManagementRequestsTest {
  private static final String GRANTS_TEMPLATE = "/catalogs/{catalogName}/catalog-roles/{catalogRoleName}/grants";

  private static final String CLIENT_S3 = "http://localhost:32771";

  private final PolarisManagementContract contract = PolarisManagementContract.load();

  @Test
  void theCatalogIsAnInternalS3CatalogOnMinioWithoutSts() throws Exception {
    assertThat(PolarisManagementRequests.createCatalog(CLIENT_S3)).isEqualTo(new ObjectMapper().readTree("""
        {"catalog": {
          "type": "INTERNAL",
          "name": "redpanda_catalog",
          "properties": {"default-base-location": "s3://redpanda"},
          "storageConfigInfo": {
            "storageType": "S3",
            "endpoint": "http://localhost:32771",
            "endpointInternal": "http://minio:9000",
            "pathStyleAccess": true,
            "stsUnavailable": true,
            "region": "us-east-1",
            "allowedLocations": ["s3://redpanda"]}}}
        """));
  }

  @Test
  void theCatalogRequestFollowsThePolaris1Point7ManagementApi() {
    JsonNode schema = contract.requestSchema("/catalogs", "post");

    assertThat(schema.isMissingNode()).as("POST /catalogs in the contract").isFalse();
    assertThat(contract.violations(PolarisManagementRequests.createCatalog(CLIENT_S3), schema)).isEmpty();
  }

  /**
   * Polaris 1.7.0 hands {@code endpoint} to every client in loadTable answers and uses
   * {@code endpointInternal} itself (the contract's {@code AwsStorageConfigInfo}: "Clients always
   * see this value", "Iceberg REST API clients never see this value"). So clients get the host-mapped
   * MinIO the JVM reaches, the same URL as the stack's own S3 endpoint, and Polaris gets the alias.
   */
  @Test
  void clientsGetTheHostMappedMinioAndPolarisTheNetworkAlias() {
    JsonNode storage = PolarisManagementRequests.createCatalog(CLIENT_S3).path("catalog").path("storageConfigInfo");
    Endpoints endpoints = ContainerEndpoints.of("localhost", new ContainerEndpoints.MappedPorts(1, 2, 3, 32771),
        new ContainerCredentials("u", "p", "root", "s", "pg", "pgp", "k"));

    assertThat(storage.path("endpoint").asText()).isEqualTo(endpoints.s3().endpoint());
    assertThat(storage.path("endpointInternal").asText()).isEqualTo("http://minio:9000");
    assertThat(contract.property("AwsStorageConfigInfo", "endpoint").path("description").asText())
        .contains("Clients always see this value");
    assertThat(contract.property("AwsStorageConfigInfo", "endpointInternal").path("description").asText())
        .contains("Iceberg REST API clients never see this value");
  }

  @Test
  void theGrantIsCatalogManageContentOnCatalogAdmin() throws Exception {
    assertThat(PolarisManagementRequests.grantCatalogPrivilege()).isEqualTo(new ObjectMapper().readTree(
        "{\"grant\": {\"type\": \"catalog\", \"privilege\": \"CATALOG_MANAGE_CONTENT\"}}"));
    assertThat(PolarisManagementRequests.grantsPath())
        .isEqualTo("/api/management/v1/catalogs/redpanda_catalog/catalog-roles/catalog_admin/grants");
  }

  @Test
  void theGrantRequestFollowsThePolaris1Point7ManagementApi() {
    JsonNode schema = contract.requestSchema(GRANTS_TEMPLATE, "put");

    assertThat(schema.isMissingNode()).as("PUT %s in the contract", GRANTS_TEMPLATE).isFalse();
    assertThat(contract.violations(PolarisManagementRequests.grantCatalogPrivilege(), schema)).isEmpty();
  }

  @Test
  void theManagementPathsAreTheContractsPathsUnderTheServerPrefix() {
    String prefix = "/api/management/v1";

    assertThat(PolarisManagementRequests.CATALOGS_PATH).isEqualTo(prefix + "/catalogs");
    assertThat(PolarisManagementRequests.grantsPath()).isEqualTo(prefix + GRANTS_TEMPLATE
        .replace("{catalogName}", StackWiring.CATALOG)
        .replace("{catalogRoleName}", PolarisManagementRequests.CATALOG_ADMIN_ROLE));
  }

  @Test
  void theContractCatchesAMisspeltAnUnknownAndAnInvalidField() {
    ObjectNode wrong = PolarisManagementRequests.createCatalog(CLIENT_S3);
    ObjectNode catalog = (ObjectNode) wrong.path("catalog");
    catalog.put("readOnly", false);
    ObjectNode storage = (ObjectNode) catalog.path("storageConfigInfo");
    storage.remove("stsUnavailable");
    storage.put("stsUnavailble", true);
    ObjectNode badGrant = PolarisManagementRequests.grantCatalogPrivilege();
    ((ObjectNode) badGrant.path("grant")).put("privilege", "CATALOG_MANAGE_EVERYTHING");

    assertThat(contract.violations(wrong, contract.requestSchema("/catalogs", "post")))
        .anySatisfy(problem -> assertThat(problem).contains("$.catalog.readOnly"))
        .anySatisfy(problem -> assertThat(problem).contains("$.catalog.storageConfigInfo.stsUnavailble"));
    assertThat(contract.violations(badGrant, contract.requestSchema(GRANTS_TEMPLATE, "put")))
        .singleElement().asString().contains("CATALOG_MANAGE_EVERYTHING");
  }

  @Test
  void theTokenFormAsksForClientCredentialsWithTheAllRolesScope() {
    assertThat(PolarisManagementRequests.tokenForm("root", "s3cr3t&x", "PRINCIPAL_ROLE:ALL")).isEqualTo(
        "grant_type=client_credentials&client_id=root&client_secret=s3cr3t%26x&scope=PRINCIPAL_ROLE%3AALL");
  }

  @Test
  void theNamespaceIsRedpandaInTheCatalogsIcebergRestPrefix() throws Exception {
    assertThat(PolarisManagementRequests.namespacesPath()).isEqualTo("/api/catalog/v1/redpanda_catalog/namespaces");
    assertThat(PolarisManagementRequests.createNamespace())
        .isEqualTo(new ObjectMapper().readTree("{\"namespace\": [\"redpanda\"]}"));
  }
}
