package lakehouse.stack.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A Redpanda Console configuration file, in the layout of Console v3 (docs/containers-stack.md,
 * "Redpanda Console"): the Kafka API, and only those of the Schema Registry, the Admin API and Kafka
 * Connect that the stack has. Console rejects unknown keys in its file, so only keys read from its
 * source are written. No secret is ever written here: a SASL password reaches Console from its
 * environment ({@code KAFKA_SASL_PASSWORD}).
 *
 * @param brokers the Kafka bootstrap addresses as Console reaches them
 * @param sasl the SASL login without its password; null without SASL
 * @param tls whether the Kafka API speaks TLS
 * @param schemaRegistryUrl null where the stack has no Schema Registry
 * @param adminApiUrl null where the stack has no Redpanda Admin API (or none is known)
 * @param kafkaConnectUrl null where no Kafka Connect cluster runs the Iceberg sink
 * @param listenAddress the interface Console serves its UI on; null for Console's default, every interface
 * @param notes comment lines written at the top, for what the file cannot hold
 */
public record RedpandaConsoleConfig(
    List<String> brokers,
    Sasl sasl,
    boolean tls,
    String schemaRegistryUrl,
    String adminApiUrl,
    String kafkaConnectUrl,
    String listenAddress,
    List<String> notes) {

  /**
   * Where Console's Linux packages keep the file (Redpanda docs, configure-console.adoc); the
   * container is pointed at it with {@code CONFIG_FILEPATH}.
   */
  public static final String FILE_IN_CONTAINER = "/etc/redpanda/redpanda-console-config.yaml";
  /** Console's default {@code server.listenPort}, and the port of the seed design's Console. */
  public static final int PORT = StackWiring.REDPANDA_CONSOLE_PORT;
  /** The name Console shows for the Kafka Connect cluster. */
  static final String CONNECT_CLUSTER_NAME = "lakehouse";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A SASL login: {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}, the mechanisms Console supports by name. */
  public record Sasl(String mechanism, String username) {}

  public RedpandaConsoleConfig {
    if (brokers.isEmpty()) {
      throw new IllegalArgumentException("Redpanda Console needs at least one broker");
    }
    brokers = List.copyOf(brokers);
    notes = List.copyOf(notes);
  }

  /** The containers stack's Console: on the Docker network, with every Redpanda API by network alias. */
  static RedpandaConsoleConfig insideStackNetwork() {
    String redpanda = StackWiring.REDPANDA;
    return new RedpandaConsoleConfig(
        List.of(redpanda + ":" + StackWiring.NETWORK_KAFKA_PORT),
        null,
        false,
        "http://" + redpanda + ":" + StackWiring.SCHEMA_REGISTRY_PORT,
        "http://" + redpanda + ":" + StackWiring.ADMIN_PORT,
        null,
        null,
        List.of());
  }

  /** The file's text. */
  public String yaml() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Redpanda Console configuration (Console v3 layout), written by the lakehouse suite.\n");
    notes.forEach(note -> yaml.append("# ").append(note).append('\n'));
    yaml.append("kafka:\n");
    yaml.append("  brokers: ").append(quoted(brokers)).append('\n');
    if (sasl != null) {
      yaml.append("  sasl:\n");
      yaml.append("    enabled: true\n");
      yaml.append("    mechanism: ").append(quoted(sasl.mechanism())).append('\n');
      yaml.append("    username: ").append(quoted(sasl.username())).append('\n');
      yaml.append("    # password: from the environment variable KAFKA_SASL_PASSWORD, never from this file\n");
    }
    if (tls) {
      yaml.append("  tls:\n");
      yaml.append("    enabled: true\n");
    }
    if (schemaRegistryUrl != null) {
      yaml.append("schemaRegistry:\n");
      yaml.append("  enabled: true\n");
      yaml.append("  urls: ").append(quoted(List.of(schemaRegistryUrl))).append('\n');
    }
    if (adminApiUrl != null) {
      yaml.append("redpanda:\n");
      yaml.append("  adminApi:\n");
      yaml.append("    enabled: true\n");
      yaml.append("    urls: ").append(quoted(List.of(adminApiUrl))).append('\n');
    }
    if (kafkaConnectUrl != null) {
      yaml.append("kafkaConnect:\n");
      yaml.append("  enabled: true\n");
      yaml.append("  clusters:\n");
      yaml.append("    - name: ").append(quoted(CONNECT_CLUSTER_NAME)).append('\n');
      yaml.append("      url: ").append(quoted(kafkaConnectUrl)).append('\n');
    }
    if (listenAddress != null) {
      yaml.append("server:\n");
      yaml.append("  listenAddress: ").append(quoted(listenAddress)).append('\n');
      yaml.append("  listenPort: ").append(PORT).append('\n');
    }
    // On by default: the UI would load tracking scripts for a local test stack.
    yaml.append("analytics:\n");
    yaml.append("  enabled: false\n");
    return yaml.toString();
  }

  /** A JSON string or array is a YAML flow scalar or sequence, with every character escaped safely. */
  private static String quoted(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + " as YAML", e);
    }
  }
}
