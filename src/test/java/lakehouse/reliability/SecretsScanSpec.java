package lakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.report.RunReport;
import lakehouse.report.SecretScan;
import lakehouse.stack.CatalogAuth;
import lakehouse.stack.Endpoints;
import lakehouse.stack.RunSettings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last: no credential of this run (S3 secret key, OAuth2 client secrets, a live token)
 * appears in anything the suite wrote under target/: logs, reports, child-JVM output, test reports.
 */
@LakehouseSpec
@Order(200)
class SecretsScanSpec {

  @Test
  void noCredentialValueAppearsInAnythingTheSuiteWroteUnderTarget(Lakehouse lakehouse, Pipeline pipeline,
      RunSettings settings, RunReport report) throws Exception {
    pipeline.roundTripAnalytics();
    report.write(settings.reportDir());
    Endpoints endpoints = lakehouse.endpoints();
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("S3 secret key", endpoints.s3().secretKey());
    secrets.put("catalog client secret", endpoints.catalog().clientSecret());
    secrets.put("catalog OAuth2 token", CatalogAuth.token(endpoints.catalog()));
    lakehouse.readOnlyCatalog().ifPresent(reader -> secrets.put("reader client secret", reader.clientSecret()));
    endpoints.kafka().clientProperties().forEach((key, value) -> {
      if (key.contains("password") || key.contains("jaas")) {
        secrets.put("Kafka " + key, value);
      }
    });

    Path target = Path.of("target");
    assertThat(SecretScan.filesContaining(target, secrets)).as("files under %s that hold a credential", target).isEmpty();
  }
}
