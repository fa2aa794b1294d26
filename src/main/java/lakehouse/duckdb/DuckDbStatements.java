package lakehouse.duckdb;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import lakehouse.stack.Endpoints;

/**
 * The SQL that attaches an Iceberg REST catalog to DuckDB: an OAuth2 client-credentials secret for
 * the catalog, an S3 secret for the object store, and the ATTACH itself. DuckDB reads the data with
 * its own S3 secret ({@code ACCESS_DELEGATION_MODE 'none'}), because vended credentials would point
 * at addresses only the stack's own network can reach.
 *
 * <p>The statements hold credentials: execute them, never log them.
 */
public final class DuckDbStatements {
  public static final String CATALOG_ALIAS = "lake";
  static final String CATALOG_SECRET = "lakehouse_catalog";
  static final String S3_SECRET = "lakehouse_s3";

  private DuckDbStatements() {}

  public static List<String> attach(Endpoints endpoints) {
    return List.of(
        catalogSecret(endpoints.catalog()),
        s3Secret(endpoints.s3()),
        "ATTACH " + quote(endpoints.catalog().warehouse()) + " AS " + CATALOG_ALIAS
            + " (TYPE ICEBERG, SECRET " + CATALOG_SECRET
            + ", ENDPOINT " + quote(endpoints.catalog().uri())
            + ", ACCESS_DELEGATION_MODE 'none')");
  }

  /** {@code lake.<namespace>.<table>}, each part quoted, so names such as {@code trades~dlq} work. */
  public static String qualifiedTable(String namespace, String table) {
    return CATALOG_ALIAS + "." + identifier(namespace) + "." + identifier(table);
  }

  static String catalogSecret(Endpoints.Catalog catalog) {
    List<String> options = new ArrayList<>();
    options.add("TYPE ICEBERG");
    options.add("CLIENT_ID " + quote(catalog.clientId()));
    options.add("CLIENT_SECRET " + quote(catalog.clientSecret()));
    options.add("OAUTH2_SERVER_URI " + quote(catalog.tokenUri()));
    if (catalog.scope() != null && !catalog.scope().isBlank()) {
      options.add("OAUTH2_SCOPE " + quote(catalog.scope()));
    }
    return "CREATE OR REPLACE SECRET " + CATALOG_SECRET + " (" + String.join(", ", options) + ")";
  }

  static String s3Secret(Endpoints.S3 s3) {
    URI endpoint = URI.create(s3.endpoint());
    // DuckDB wants host:port without a scheme; the scheme decides USE_SSL.
    String hostAndPort = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    return "CREATE OR REPLACE SECRET " + S3_SECRET + " (TYPE S3"
        + ", KEY_ID " + quote(s3.accessKey())
        + ", SECRET " + quote(s3.secretKey())
        + ", REGION " + quote(s3.region())
        + ", ENDPOINT " + quote(hostAndPort)
        + ", URL_STYLE " + quote(s3.pathStyle() ? "path" : "vhost")
        + ", USE_SSL " + "https".equalsIgnoreCase(endpoint.getScheme()) + ")";
  }

  static String quote(String value) {
    return "'" + (value == null ? "" : value.replace("'", "''")) + "'";
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
