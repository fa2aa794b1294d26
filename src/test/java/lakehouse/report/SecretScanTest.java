package lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScanTest {
  @TempDir Path target;

  @Test
  void namesTheFilesAndSecretsFoundButSkipsBuildOutput() throws Exception {
    Files.createDirectories(target.resolve("lakehouse-report/logs"));
    Files.writeString(target.resolve("lakehouse-report/run.json"), "{\"stack\":\"embedded\"}");
    Files.writeString(target.resolve("lakehouse-report/logs/polaris.log"), "token=eyJhbGciOiJIUzI1NiJ9.secret-token ok");
    Files.createDirectories(target.resolve("test-classes"));
    Files.writeString(target.resolve("test-classes/Fixture.txt"), "s3-secret-value-1234");

    Map<Path, List<String>> leaks = SecretScan.filesContaining(target,
        Map.of("oauth token", "eyJhbGciOiJIUzI1NiJ9.secret-token", "s3 secret key", "s3-secret-value-1234"));

    assertThat(leaks).containsOnlyKeys(Path.of("lakehouse-report/logs/polaris.log"));
    assertThat(leaks.get(Path.of("lakehouse-report/logs/polaris.log"))).containsExactly("oauth token");
  }

  @Test
  void shortValuesAreNotTreatedAsSecrets() throws Exception {
    Files.writeString(target.resolve("a.log"), "user=admin");

    assertThat(SecretScan.filesContaining(target, Map.of("short", "admin"))).isEmpty();
  }
}
