package lakehouse.stack.containers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The requests that prepare Polaris for Redpanda and DuckDB, as pure functions: paths relative to
 * {@code http://host:port} and JSON bodies checked against Polaris' management API (1.7.0).
 */
final class PolarisManagementRequests {
  static final String TOKEN_PATH = "/api/catalog/v1/oauth/tokens";
  static final String MANAGEMENT_PATH = "/api/management/v1";
  static final String CATALOGS_PATH = MANAGEMENT_PATH + "/catalogs";
  /** Created with every catalog; bootstrapped root holds it through {@code service_admin} (§5.5). */
  static final String CATALOG_ADMIN_ROLE = "catalog_admin";
  /**
   * Adds table data read/write (credential-vending checks) to what catalog_admin already holds
   * (CATALOG_MANAGE_ACCESS, CATALOG_MANAGE_METADATA: namespaces, tables, snapshots), as every
   * Polaris guide does; without it loadTable can answer 403 (P6).
   */
  static final String CATALOG_PRIVILEGE = "CATALOG_MANAGE_CONTENT";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolarisManagementRequests() {}

  /** OAuth2 client credentials, form-encoded. Holds the secret: send it, never log it. */
  static String tokenForm(String clientId, String clientSecret, String scope) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    form.put("scope", scope);
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * {@code POST /catalogs}: an INTERNAL catalog whose data lives in MinIO (option A, §5.4).
   * {@code stsUnavailable} because MinIO STS is not used, so Polaris writes with its own keys and
   * vends no credentials; path style because the bucket is no host name (P2). The base location is
   * inside Redpanda's bucket (R4).
   *
   * <p>Two endpoints, as Polaris' MinIO guide has them. {@code endpoint} is what clients see: Polaris
   * 1.7.0 puts it as {@code s3.endpoint} into every loadTable answer
   * ({@code AwsCredentialsStorageIntegration.compute}, then
   * {@code IcebergCatalogHandler.buildLoadTableResponseWithDelegationCredentials}), and Iceberg's
   * Java client lets that override its own, so it must be the MinIO address the JVM and DuckDB
   * reach. {@code endpointInternal} is what Polaris itself uses (its FileIO gets the internal
   * properties, {@code DefaultFileIOFactory.loadFileIO}): MinIO inside the Docker network.
   *
   * @param clientEndpoint MinIO's host-mapped S3 URL, such as {@code http://localhost:32771}
   */
  static ObjectNode createCatalog(String clientEndpoint) {
    ObjectNode storage = JSON.createObjectNode()
        .put("storageType", "S3")
        .put("endpoint", clientEndpoint)
        .put("endpointInternal", internalS3Endpoint())
        .put("pathStyleAccess", true)
        .put("stsUnavailable", true)
        .put("region", StackWiring.REGION);
    storage.putArray("allowedLocations").add(StackWiring.baseLocation());

    ObjectNode catalog = JSON.createObjectNode()
        .put("type", "INTERNAL")
        .put("name", StackWiring.CATALOG);
    catalog.putObject("properties").put("default-base-location", StackWiring.baseLocation());
    catalog.set("storageConfigInfo", storage);

    ObjectNode request = JSON.createObjectNode();
    request.set("catalog", catalog);
    return request;
  }

  /** MinIO as Polaris reaches it, by its network alias. */
  static String internalS3Endpoint() {
    return "http://" + StackWiring.MINIO + ":" + StackWiring.MINIO_S3_PORT;
  }

  /** {@code PUT /catalogs/{catalog}/catalog-roles/catalog_admin/grants}. */
  static String grantsPath() {
    return grantsPath(CATALOG_ADMIN_ROLE);
  }

  /** {@code PUT /catalogs/{catalog}/catalog-roles/{role}/grants}. */
  static String grantsPath(String catalogRole) {
    return CATALOGS_PATH + "/" + StackWiring.CATALOG + "/catalog-roles/" + catalogRole + "/grants";
  }

  static ObjectNode grantCatalogPrivilege() {
    return grantCatalogPrivilege(CATALOG_PRIVILEGE);
  }

  /** A grant on the whole catalog: Polaris' privileges cascade to its namespaces and tables. */
  static ObjectNode grantCatalogPrivilege(String privilege) {
    ObjectNode request = JSON.createObjectNode();
    request.putObject("grant").put("type", "catalog").put("privilege", privilege);
    return request;
  }

  /**
   * Iceberg REST {@code POST /v1/{prefix}/namespaces}, prefix = catalog name. Redpanda creates the
   * namespace on its first commit anyway; creating it up front lets DuckDB attach and find an empty
   * namespace before then, so an early read fails on the table, not the schema.
   */
  static String namespacesPath() {
    return "/api/catalog/v1/" + StackWiring.CATALOG + "/namespaces";
  }

  static ObjectNode createNamespace() {
    ObjectNode request = JSON.createObjectNode();
    request.putArray("namespace").add(StackWiring.NAMESPACE);
    return request;
  }
}
