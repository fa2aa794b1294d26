package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.Test;

class ContainerImagesTest {

  @Test
  void everyImageIsPinnedToTheReleaseTheContractsDescribe() {
    ContainerImages images = ContainerImages.pinned();

    assertThat(images.redpanda()).isEqualTo("docker.redpanda.com/redpandadata/redpanda:v25.3.11");
    assertThat(images.polaris()).isEqualTo("apache/polaris:1.7.0");
    assertThat(images.polarisAdminTool()).isEqualTo("apache/polaris-admin-tool:1.7.0");
    assertThat(images.postgres()).isEqualTo("postgres:17.6-alpine");
    assertThat(images.minio()).isEqualTo("minio/minio:RELEASE.2025-05-24T17-08-30Z");
    assertThat(images.redpandaConsole()).isEqualTo("docker.redpanda.com/redpandadata/console:v3.3.1");
  }

  @Test
  void theContractFileNamesMatchThePinnedReleases() {
    assertThat(ReferenceContracts.REDPANDA_PROPERTIES).contains(ContainerImages.version(ContainerImages.REDPANDA));
    assertThat(ReferenceContracts.POLARIS_MANAGEMENT_API).contains(ContainerImages.version(ContainerImages.POLARIS));
  }

  @Test
  void aSystemPropertyOverridesAnImage() {
    Settings settings = new Settings(Map.of("lakehouse.image.redpanda", "redpandadata/redpanda:v25.3.12"), Map.of());

    assertThat(ContainerImages.from(settings).redpanda()).isEqualTo("redpandadata/redpanda:v25.3.12");
  }

  @Test
  void anEnvironmentVariableOverridesAnImage() {
    Settings settings = new Settings(Map.of(), Map.of(
        "LAKEHOUSE_IMAGE_MINIO", "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z",
        "LAKEHOUSE_IMAGE_POSTGRES", "postgres:18.1",
        "LAKEHOUSE_IMAGE_POLARIS_ADMIN_TOOL", "mirror.example/polaris-admin-tool:1.7.0"));

    ContainerImages images = ContainerImages.from(settings);

    assertThat(images.minio()).isEqualTo("quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z");
    assertThat(images.postgres()).isEqualTo("postgres:18.1");
    assertThat(images.polarisAdminTool()).isEqualTo("mirror.example/polaris-admin-tool:1.7.0");
  }

  @Test
  void theAdminToolFollowsTheVersionOfAnOverriddenPolaris() {
    Settings settings = new Settings(Map.of("lakehouse.image.polaris", "apache/polaris:1.6.0"), Map.of());

    assertThat(ContainerImages.from(settings).polarisAdminTool()).isEqualTo("apache/polaris-admin-tool:1.6.0");
  }

  @Test
  void anOverrideWithoutATagIsRefused() {
    Settings settings = new Settings(Map.of("lakehouse.image.polaris", "apache/polaris"), Map.of());

    assertThatThrownBy(() -> ContainerImages.from(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lakehouse.image.polaris=apache/polaris has no pinned tag")
        .hasMessageContaining("LAKEHOUSE_IMAGE_POLARIS");
  }

  @Test
  void aRedpandaOlderThan25Point3IsRefusedWithTheFoundVersionTheMinimumAndWhy() {
    Settings settings = new Settings(Map.of("lakehouse.image.redpanda", "redpandadata/redpanda:v25.2.9"), Map.of());

    assertThatThrownBy(() -> ContainerImages.from(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lakehouse.image.redpanda=redpandadata/redpanda:v25.2.9 is Redpanda v25.2.9")
        .hasMessageContaining("minimum 25.3")
        .hasMessageContaining("timestamp_type")
        .hasMessageContaining("#27413");
  }

  @Test
  void aRedpanda25Point3OrNewerOrADigestIsAccepted() {
    assertThat(ContainerImages.from(new Settings(Map.of("lakehouse.image.redpanda", "redpandadata/redpanda:v25.3.1"),
        Map.of())).redpanda()).endsWith("v25.3.1");
    assertThat(ContainerImages.from(new Settings(Map.of("lakehouse.image.redpanda", "redpandadata/redpanda:v26.1.2"),
        Map.of())).redpanda()).endsWith("v26.1.2");
    String digest = "redpandadata/redpanda@sha256:" + "0".repeat(64);
    assertThat(ContainerImages.from(new Settings(Map.of("lakehouse.image.redpanda", digest), Map.of())).redpanda())
        .isEqualTo(digest);
  }

  @Test
  void aPolarisOlderThan1Point2IsRefusedBecauseItHasNoStsUnavailable() {
    Settings settings = new Settings(Map.of("lakehouse.image.polaris", "apache/polaris:1.1.0-incubating"), Map.of());

    assertThatThrownBy(() -> ContainerImages.from(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stsUnavailable");
  }

  @Test
  void aRedpandaConsoleOlderThan3Point2IsRefusedBecauseTheConfigurationIsWrittenForIt() {
    Settings settings = new Settings(
        Map.of("lakehouse.image.redpanda-console", "docker.redpanda.com/redpandadata/console:v2.8.5"), Map.of());

    assertThatThrownBy(() -> ContainerImages.from(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lakehouse.image.redpanda-console=docker.redpanda.com/redpandadata/console:v2.8.5 is older"
            + " than 3.2")
        .hasMessageContaining("Console v3's layout");
    assertThat(ContainerImages.from(new Settings(Map.of(), Map.of("LAKEHOUSE_IMAGE_REDPANDA_CONSOLE",
        "mirror.example/console:v3.5.2"))).redpandaConsole()).isEqualTo("mirror.example/console:v3.5.2");
  }

  @Test
  void theBannerNamesEveryComponentAndItsVersion() {
    assertThat(ContainerImages.pinned().banner()).isEqualTo("containers: Redpanda v25.3.11 Iceberg Topics,"
        + " Apache Polaris 1.7.0 on PostgreSQL 17.6-alpine, MinIO RELEASE.2025-05-24T17-08-30Z; nothing stands in");
  }
}
