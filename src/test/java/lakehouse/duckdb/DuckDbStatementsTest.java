package lakehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import lakehouse.stack.Endpoints;
import org.junit.jupiter.api.Test;

class DuckDbStatementsTest {
  private static final Endpoints EMBEDDED = new Endpoints(
      new Endpoints.Kafka("127.0.0.1:9092", Map.of()), null,
      new Endpoints.Catalog("http://127.0.0.1:8181", "", "lakehouse", "s'cret", "http://127.0.0.1:8181/v1/oauth/tokens", "catalog"),
      new Endpoints.S3("http://127.0.0.1:9000", "us-east-1", "key", "secret", true),
      "redpanda");

  @Test
  void attachesTheRestCatalogWithOAuth2AndItsOwnS3Secret() {
    assertThat(DuckDbStatements.attach(EMBEDDED)).containsExactly(
        "CREATE OR REPLACE SECRET lakehouse_catalog (TYPE ICEBERG, CLIENT_ID 'lakehouse', CLIENT_SECRET 's''cret',"
            + " OAUTH2_SERVER_URI 'http://127.0.0.1:8181/v1/oauth/tokens', OAUTH2_SCOPE 'catalog')",
        "CREATE OR REPLACE SECRET lakehouse_s3 (TYPE S3, KEY_ID 'key', SECRET 'secret', REGION 'us-east-1',"
            + " ENDPOINT '127.0.0.1:9000', URL_STYLE 'path', USE_SSL false)",
        "ATTACH '' AS lake (TYPE ICEBERG, SECRET lakehouse_catalog, ENDPOINT 'http://127.0.0.1:8181',"
            + " ACCESS_DELEGATION_MODE 'none')");
  }

  @Test
  void httpsEndpointsUseSsl() {
    assertThat(DuckDbStatements.s3Secret(new Endpoints.S3("https://s3.eu-west-1.amazonaws.com", "eu-west-1", "k", "s", false)))
        .contains("ENDPOINT 's3.eu-west-1.amazonaws.com'", "URL_STYLE 'vhost'", "USE_SSL true");
  }

  @Test
  void tableNamesAreQuotedSoDeadLetterTablesWork() {
    assertThat(DuckDbStatements.qualifiedTable("redpanda", "trades~dlq")).isEqualTo("lake.\"redpanda\".\"trades~dlq\"");
  }

  @Test
  void endpointsNeverPrintSecrets() {
    assertThat(EMBEDDED.toString()).doesNotContain("s'cret").doesNotContain("secret'").contains("****");
  }
}
