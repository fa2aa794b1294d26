package lakehouse.stack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which stack runs the spec: the value of {@code lakehouse.stack}. */
public enum StackKind {
  /** Containers when a Docker engine answers, embedded otherwise. */
  AUTO,
  /** Redpanda, Polaris, PostgreSQL and MinIO in Testcontainers. */
  CONTAINERS,
  /** Real components inside the JVM: Kafka, Kafka Connect + Iceberg sink, Iceberg REST catalog, S3Proxy. */
  EMBEDDED,
  /** A cluster that already runs, described entirely by settings. */
  EXTERNAL;

  public static StackKind parse(String value) {
    String normalized = value.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(kind -> kind.name().equals(normalized))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "lakehouse.stack=" + value + " is not a stack; use one of " + allowed()));
  }

  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String allowed() {
    return Arrays.stream(values()).map(StackKind::settingValue).collect(Collectors.joining(", "));
  }
}
