package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolarisReaderRequestsTest {
  private static final String MANAGEMENT = "/api/management/v1";

  private final PolarisManagementContract contract = PolarisManagementContract.load();

  @Test
  void everyReaderRequestFollowsThePolaris1Point7ManagementApi() {
    Map<String, JsonNode> requests = Map.of(
        "post /principals", PolarisReaderRequests.createPrincipal(),
        "post /principal-roles", PolarisReaderRequests.createPrincipalRole(),
        "put /principals/{principalName}/principal-roles", PolarisReaderRequests.assignPrincipalRole(),
        "post /catalogs/{catalogName}/catalog-roles", PolarisReaderRequests.createCatalogRole(),
        "put /principal-roles/{principalRoleName}/catalog-roles/{catalogName}", PolarisReaderRequests.assignCatalogRole());

    requests.forEach((operation, body) -> {
      String[] methodAndPath = operation.split(" ");
      JsonNode schema = contract.requestSchema(methodAndPath[1], methodAndPath[0]);
      assertThat(schema.isMissingNode()).as("%s in the contract", operation).isFalse();
      assertThat(contract.violations(body, schema)).as(operation).isEmpty();
    });
  }

  @Test
  void everyReadGrantFollowsTheContract() {
    JsonNode schema = contract.requestSchema("/catalogs/{catalogName}/catalog-roles/{catalogRoleName}/grants", "put");

    assertThat(PolarisReaderRequests.READ_PRIVILEGES).allSatisfy(privilege -> assertThat(
        contract.violations(PolarisManagementRequests.grantCatalogPrivilege(privilege), schema)).isEmpty());
    assertThat(contract.violations(PolarisManagementRequests.grantCatalogPrivilege("TABLE_SELECT"), schema))
        .as("a privilege Polaris does not know").isNotEmpty();
  }

  @Test
  void theReaderMayListAndReadButNotCreateWriteDropOrGrant() {
    assertThat(PolarisReaderRequests.READ_PRIVILEGES).containsExactly(
        "NAMESPACE_LIST", "NAMESPACE_READ_PROPERTIES", "TABLE_LIST", "TABLE_READ_PROPERTIES", "TABLE_READ_DATA");
    assertThat(PolarisReaderRequests.READ_PRIVILEGES).noneMatch(privilege -> privilege.matches(
        ".*(CREATE|WRITE|DROP|MANAGE|FULL_METADATA|ATTACH|DETACH).*"));
  }

  @Test
  void theBodiesNameThePrincipalItsRoleAndTheCatalogRole() throws Exception {
    ObjectMapper json = new ObjectMapper();

    assertThat(PolarisReaderRequests.createPrincipal()).isEqualTo(json.readTree(
        "{\"principal\": {\"name\": \"lakehouse_reader\"}, \"credentialRotationRequired\": false}"));
    assertThat(PolarisReaderRequests.createPrincipalRole())
        .isEqualTo(json.readTree("{\"principalRole\": {\"name\": \"lakehouse_reader_role\"}}"))
        .isEqualTo(PolarisReaderRequests.assignPrincipalRole());
    assertThat(PolarisReaderRequests.createCatalogRole())
        .isEqualTo(json.readTree("{\"catalogRole\": {\"name\": \"catalog_reader\"}}"))
        .isEqualTo(PolarisReaderRequests.assignCatalogRole());
  }

  @Test
  void thePathsAreTheContractsPathsUnderTheServerPrefix() {
    assertThat(PolarisReaderRequests.PRINCIPALS_PATH).isEqualTo(MANAGEMENT + "/principals");
    assertThat(PolarisReaderRequests.PRINCIPAL_ROLES_PATH).isEqualTo(MANAGEMENT + "/principal-roles");
    assertThat(PolarisReaderRequests.assignPrincipalRolePath())
        .isEqualTo(MANAGEMENT + "/principals/lakehouse_reader/principal-roles");
    assertThat(PolarisReaderRequests.catalogRolesPath())
        .isEqualTo(MANAGEMENT + "/catalogs/redpanda_catalog/catalog-roles");
    assertThat(PolarisReaderRequests.grantsPath())
        .isEqualTo(MANAGEMENT + "/catalogs/redpanda_catalog/catalog-roles/catalog_reader/grants");
    assertThat(PolarisReaderRequests.assignCatalogRolePath())
        .isEqualTo(MANAGEMENT + "/principal-roles/lakehouse_reader_role/catalog-roles/redpanda_catalog");
  }

  @Test
  void theCredentialsComeFromTheCreatePrincipalResponse() {
    PrincipalCredentials credentials = PolarisReaderRequests.credentials("""
        {"principal": {"name": "lakehouse_reader", "clientId": "a1b2c3"},
         "credentials": {"clientId": "a1b2c3", "clientSecret": "r3ader-s3cret"}}
        """);

    assertThat(credentials.clientId()).isEqualTo("a1b2c3");
    assertThat(credentials.clientSecret()).isEqualTo("r3ader-s3cret");
    assertThat(credentials.toString()).contains("a1b2c3").doesNotContain("r3ader-s3cret");
  }

  @Test
  void anAnswerWithoutCredentialsFailsWithoutQuotingTheAnswer() {
    assertThatThrownBy(() -> PolarisReaderRequests.credentials(
        "{\"principal\": {\"name\": \"lakehouse_reader\"}, \"credentials\": {\"clientSecret\": \"half-s3cret\"}}"))
        .hasMessageContaining("credentials.clientId")
        .hasMessageNotContaining("half-s3cret");
    assertThatThrownBy(() -> PolarisReaderRequests.credentials("clientSecret=not-json-s3cret"))
        .hasMessageContaining("other than JSON")
        .hasMessageNotContaining("not-json-s3cret")
        .hasNoCause();
  }
}
