package lakehouse.stack.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The requests that give Polaris a read-only principal, as pure functions: paths relative to
 * {@code http://host:port}, JSON bodies checked against Polaris' management API (1.7.0). Polaris'
 * model (containers-stack.md §5.5): privileges go to a catalog role, the catalog role to a
 * principal role, the principal role to the principal.
 */
final class PolarisReaderRequests {
  static final String PRINCIPAL = "lakehouse_reader";
  static final String PRINCIPAL_ROLE = "lakehouse_reader_role";
  static final String CATALOG_ROLE = "catalog_reader";
  static final String PRINCIPALS_PATH = PolarisManagementRequests.MANAGEMENT_PATH + "/principals";
  static final String PRINCIPAL_ROLES_PATH = PolarisManagementRequests.MANAGEMENT_PATH + "/principal-roles";

  /**
   * Read and list, nothing that creates, writes, drops or grants. Each maps to the operations
   * DuckDB and the Iceberg client use (Polaris PolarisAuthorizableOperation): listing namespaces
   * and namespace-exists (NAMESPACE_LIST), loading a namespace (NAMESPACE_READ_PROPERTIES),
   * listing tables and table-exists (TABLE_LIST), loadTable without vending (TABLE_READ_PROPERTIES)
   * and with read vending (TABLE_READ_DATA; vends nothing here, as the catalog is stsUnavailable).
   * DuckDB treats a 403 on an existence check as "not found", so a missing one reads as a missing
   * table rather than an error: hence all five, not just the data read.
   */
  static final List<String> READ_PRIVILEGES = List.of(
      "NAMESPACE_LIST", "NAMESPACE_READ_PROPERTIES", "TABLE_LIST", "TABLE_READ_PROPERTIES", "TABLE_READ_DATA");

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolarisReaderRequests() {}

  /**
   * {@code POST /principals}. {@code credentialRotationRequired: false}, so the generated
   * credentials work at once instead of only for a rotation.
   */
  static ObjectNode createPrincipal() {
    ObjectNode request = JSON.createObjectNode();
    request.putObject("principal").put("name", PRINCIPAL);
    request.put("credentialRotationRequired", false);
    return request;
  }

  /** {@code POST /principal-roles}. */
  static ObjectNode createPrincipalRole() {
    return named("principalRole", PRINCIPAL_ROLE);
  }

  /** {@code PUT /principals/{principal}/principal-roles}: the reader's only role. */
  static String assignPrincipalRolePath() {
    return PRINCIPALS_PATH + "/" + PRINCIPAL + "/principal-roles";
  }

  static ObjectNode assignPrincipalRole() {
    return named("principalRole", PRINCIPAL_ROLE);
  }

  /** {@code POST /catalogs/{catalog}/catalog-roles}. */
  static String catalogRolesPath() {
    return PolarisManagementRequests.CATALOGS_PATH + "/" + StackWiring.CATALOG + "/catalog-roles";
  }

  static ObjectNode createCatalogRole() {
    return named("catalogRole", CATALOG_ROLE);
  }

  /** {@code PUT /catalogs/{catalog}/catalog-roles/catalog_reader/grants}, once per privilege. */
  static String grantsPath() {
    return PolarisManagementRequests.grantsPath(CATALOG_ROLE);
  }

  /** {@code PUT /principal-roles/{principalRole}/catalog-roles/{catalog}}. */
  static String assignCatalogRolePath() {
    return PRINCIPAL_ROLES_PATH + "/" + PRINCIPAL_ROLE + "/catalog-roles/" + StackWiring.CATALOG;
  }

  static ObjectNode assignCatalogRole() {
    return named("catalogRole", CATALOG_ROLE);
  }

  /**
   * The client id and secret from a {@code PrincipalWithCredentials} response. Fails without
   * quoting the response, which holds the secret.
   */
  static PrincipalCredentials credentials(String createPrincipalResponse) {
    JsonNode credentials;
    try {
      credentials = JSON.readTree(createPrincipalResponse).path("credentials");
    } catch (IOException e) {
      // no cause: Jackson's message quotes the input, which may hold the secret
      throw new IllegalStateException("Polaris answered the create-principal request with something other than JSON");
    }
    JsonNode clientId = credentials.path("clientId");
    JsonNode clientSecret = credentials.path("clientSecret");
    if (!clientId.isTextual() || clientId.asText().isEmpty()
        || !clientSecret.isTextual() || clientSecret.asText().isEmpty()) {
      throw new IllegalStateException("Polaris created principal " + PRINCIPAL
          + " but its answer holds no credentials.clientId and credentials.clientSecret");
    }
    return new PrincipalCredentials(clientId.asText(), clientSecret.asText());
  }

  private static ObjectNode named(String wrapper, String name) {
    ObjectNode request = JSON.createObjectNode();
    request.putObject(wrapper).put("name", name);
    return request;
  }
}
