package lakehouse.stack.containers;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lakehouse.stack.Settings;
import lakehouse.stack.redpanda.RedpandaVersion;
import org.testcontainers.utility.DockerImageName;

/**
 * Every image the containers stack runs, pinned here and only here. Each one can be replaced by a
 * setting, for a mirror or a newer release: {@code -Dlakehouse.image.redpanda=…} or
 * {@code LAKEHOUSE_IMAGE_REDPANDA=…}. Replacements must carry a tag (not {@code latest}) and stay
 * at or above the versions the stack depends on.
 */
public record ContainerImages(
    String redpanda, String polaris, String polarisAdminTool, String postgres, String minio, String redpandaConsole) {

  public static final String REDPANDA_KEY = "lakehouse.image.redpanda";
  public static final String POLARIS_KEY = "lakehouse.image.polaris";
  public static final String POLARIS_ADMIN_TOOL_KEY = "lakehouse.image.polaris-admin-tool";
  public static final String POSTGRES_KEY = "lakehouse.image.postgres";
  public static final String MINIO_KEY = "lakehouse.image.minio";
  public static final String REDPANDA_CONSOLE_KEY = "lakehouse.image.redpanda-console";

  /** v25.3.11: the release the property contract was generated from; the suite needs 25.3+ ({@link RedpandaVersion#MINIMUM}). */
  static final String REDPANDA = "docker.redpanda.com/redpandadata/redpanda:v25.3.11";
  /** 1.7.0: the release the management API contract was taken from; stsUnavailable needs 1.2+. */
  static final String POLARIS = "apache/polaris:1.7.0";
  static final String POLARIS_ADMIN_TOOL_REPOSITORY = "apache/polaris-admin-tool";
  static final String POSTGRES = "postgres:17.6-alpine";
  /** The tag of Polaris' own MinIO guide; MinIO OSS images may no longer be updated. */
  static final String MINIO = "minio/minio:RELEASE.2025-05-24T17-08-30Z";
  /**
   * The Console release Redpanda's 25.3 documentation names ({@code latest-console-tag} in the {@code v/25.3}
   * branch's {@code antora.yml}, next to {@code full-version: 25.3.11}). Started only with keep-running.
   */
  static final String REDPANDA_CONSOLE = "docker.redpanda.com/redpandadata/console:v3.3.1";

  private static final Pattern MAJOR_MINOR = Pattern.compile("^v?(\\d+)\\.(\\d+)");

  public ContainerImages {
    String redpandaTag = DockerImageName.parse(redpanda).getVersionPart();
    // A digest or a custom tag names no release: the owner of the override vouches for it.
    RedpandaVersion.parse(redpandaTag).ifPresent(release -> release.requireSupported(REDPANDA_KEY + "=" + redpanda, redpandaTag));
    requireAtLeast(POLARIS_KEY, polaris, 1, 2, "the S3 storage option stsUnavailable exists only from 1.2.0");
    requireAtLeast(POLARIS_ADMIN_TOOL_KEY, polarisAdminTool, 1, 2, "it must match the Polaris server");
    requireAtLeast(REDPANDA_CONSOLE_KEY, redpandaConsole, 3, 2, "its configuration is written in Console v3's layout"
        + " and turns analytics off, a key Console reads only from 3.2.0 (RedpandaConsoleConfig)");
  }

  public static ContainerImages pinned() {
    return from(new Settings(Map.of(), Map.of()));
  }

  /** The pinned images with every override that is set. */
  public static ContainerImages from(Settings settings) {
    String polaris = image(settings, POLARIS_KEY, POLARIS);
    // "Please make sure the admin tool and Polaris server are at the same version" (admin-tool.md)
    String adminTool = POLARIS_ADMIN_TOOL_REPOSITORY + ":" + DockerImageName.parse(polaris).getVersionPart();
    return new ContainerImages(
        image(settings, REDPANDA_KEY, REDPANDA),
        polaris,
        image(settings, POLARIS_ADMIN_TOOL_KEY, adminTool),
        image(settings, POSTGRES_KEY, POSTGRES),
        image(settings, MINIO_KEY, MINIO),
        image(settings, REDPANDA_CONSOLE_KEY, REDPANDA_CONSOLE));
  }

  /** One line for the run's banner: what runs, at which versions. */
  public String banner() {
    return "containers: Redpanda " + version(redpanda) + " Iceberg Topics, Apache Polaris " + version(polaris)
        + " on PostgreSQL " + version(postgres) + ", MinIO " + version(minio) + "; nothing stands in";
  }

  static String version(String image) {
    return DockerImageName.parse(image).getVersionPart();
  }

  private static String image(Settings settings, String key, String pinned) {
    String image = settings.string(key, pinned);
    DockerImageName name;
    try {
      name = DockerImageName.parse(image);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + "=" + image + " is not an image name: " + e.getMessage(), e);
    }
    if ("latest".equals(name.getVersionPart())) {
      throw new IllegalArgumentException(key + "=" + image + " has no pinned tag; name a release such as "
          + pinned + " so every run starts the same software (or unset " + Settings.environmentName(key) + ")");
    }
    return image;
  }

  private static void requireAtLeast(String key, String image, int major, int minor, String why) {
    Matcher version = MAJOR_MINOR.matcher(DockerImageName.parse(image).getVersionPart());
    if (!version.find()) {
      return; // a digest or a custom tag: the owner of the override vouches for it
    }
    int foundMajor = Integer.parseInt(version.group(1));
    int foundMinor = Integer.parseInt(version.group(2));
    if (foundMajor < major || (foundMajor == major && foundMinor < minor)) {
      throw new IllegalArgumentException(key + "=" + image + " is older than " + major + "." + minor
          + ", but " + why);
    }
  }
}
