package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PolarisManagementRequestsTest {
  private static final String GRANTS_TEMPLATE = "/catalogs/{catalogName}/catalog-roles/{catalogRoleName}/grants";

  private final PolarisManagementContract contract = PolarisManagementContract.load();

  @Test
  void theCatalogIsAnInternalS3CatalogOnMinioWithoutSts() throws Exception {
    assertThat(PolarisManagementRequests.createCatalog()).isEqualTo(new ObjectMapper().readTree("""
        {"catalog": {
          "type": "INTERNAL",
          "name": "redpanda_catalog",
          "properties": {"default-base-location": "s3://redpanda"},
          "storageConfigInfo": {
            "storageType": "S3",
            "endpoint": "http://minio:9000",
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
    assertThat(contract.violations(PolarisManagementRequests.createCatalog(), schema)).isEmpty();
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
    ObjectNode wrong = PolarisManagementRequests.createCatalog();
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
