package lakehouse.stack.containers;

/**
 * The broker's {@code /etc/redpanda/redpanda.yaml}, as Testcontainers' {@code redpanda.yaml.ftl}
 * (2.0.5) renders it without authentication and extra listeners. It is written here because
 * {@link IcebergRedpandaContainer} replaces the module's start hook, which renders it otherwise.
 *
 * <p>The first line is the marker the module's {@code entrypoint-tc.sh} waits for before it starts
 * Redpanda; the Kafka API is advertised at the host-mapped port only known after the container starts.
 * A third Kafka listener, {@code network}, is not in the module's template: it advertises
 * {@code redpanda:29092} to other containers on the stack's network, such as Redpanda Console.
 */
final class RedpandaNodeConfig {
  static final String MARKER = "# Injected by testcontainers";
  /** The listener Redpanda's own Schema Registry and HTTP Proxy clients use inside the container. */
  static final int INTERNAL_KAFKA_PORT = 9093;
  static final int ADMIN_PORT = StackWiring.ADMIN_PORT;
  static final String NETWORK_LISTENER = "network";
  static final int PROXY_PORT = 8082;

  private RedpandaNodeConfig() {}

  static String yaml(String advertisedHost, int advertisedKafkaPort) {
    return MARKER + "\n"
        + "redpanda:\n"
        + "  admin:\n"
        + "    address: 0.0.0.0\n"
        + "    port: " + ADMIN_PORT + "\n"
        + "  kafka_api:\n"
        + "    - address: 0.0.0.0\n"
        + "      name: external\n"
        + "      port: " + StackWiring.KAFKA_PORT + "\n"
        + "      authentication_method: none\n"
        + "    - address: 0.0.0.0\n"
        + "      name: internal\n"
        + "      port: " + INTERNAL_KAFKA_PORT + "\n"
        + "      authentication_method: none\n"
        + "    - address: 0.0.0.0\n"
        + "      name: " + NETWORK_LISTENER + "\n"
        + "      port: " + StackWiring.NETWORK_KAFKA_PORT + "\n"
        + "      authentication_method: none\n"
        + "  advertised_kafka_api:\n"
        + "    - address: " + advertisedHost + "\n"
        + "      name: external\n"
        + "      port: " + advertisedKafkaPort + "\n"
        + "    - address: 127.0.0.1\n"
        + "      name: internal\n"
        + "      port: " + INTERNAL_KAFKA_PORT + "\n"
        + "    - address: " + StackWiring.REDPANDA + "\n"
        + "      name: " + NETWORK_LISTENER + "\n"
        + "      port: " + StackWiring.NETWORK_KAFKA_PORT + "\n"
        + "schema_registry:\n"
        + "  schema_registry_api:\n"
        + "    - address: 0.0.0.0\n"
        + "      name: main\n"
        + "      port: " + StackWiring.SCHEMA_REGISTRY_PORT + "\n"
        + "      authentication_method: none\n"
        + "schema_registry_client:\n"
        + "  brokers:\n"
        + "    - address: localhost\n"
        + "      port: " + INTERNAL_KAFKA_PORT + "\n"
        + "pandaproxy:\n"
        + "  pandaproxy_api:\n"
        + "    - address: 0.0.0.0\n"
        + "      port: " + PROXY_PORT + "\n"
        + "      name: proxy-internal\n"
        + "  advertised_pandaproxy_api:\n"
        + "    - address: 127.0.0.1\n"
        + "      port: " + PROXY_PORT + "\n"
        + "      name: proxy-internal\n"
        + "pandaproxy_client:\n"
        + "  brokers:\n"
        + "    - address: localhost\n"
        + "      port: " + INTERNAL_KAFKA_PORT + "\n"
        + "rpk:\n"
        + "  kafka_api:\n"
        + "    brokers:\n"
        + "      - localhost:" + INTERNAL_KAFKA_PORT + "\n";
  }
}
