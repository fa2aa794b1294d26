package lakehouse.stack.containers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.awaitility.Awaitility;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Waits, after a fault, for what Testcontainers waited for at start-up, which it does not do again
 * for a container restarted or unpaused behind its back. Polls with Awaitility; never sleeps.
 */
final class ContainerReadiness {
  static final Duration REDPANDA_TIMEOUT = Duration.ofMinutes(2);
  static final Duration POSTGRES_TIMEOUT = Duration.ofMinutes(1);
  /** As long as Polaris' start-up wait ({@link PolarisContainer}). */
  static final Duration POLARIS_TIMEOUT = Duration.ofMinutes(3);
  /** Short, so a probe against a container still stopping or paused gives up and polls again. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

  private ContainerReadiness() {}

  /**
   * The Kafka API answers and advertises the address the JVM bootstraps from (the fixed host port,
   * so a wrong advertised listener fails here rather than in the producer), then the Schema Registry.
   */
  static void awaitRedpanda(String bootstrapServers, String schemaRegistryUrl) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(properties)) {
      Awaitility.await("Redpanda's Kafka API to answer again, advertising " + bootstrapServers)
          .atMost(REDPANDA_TIMEOUT)
          .pollInterval(POLL)
          .ignoreExceptions()
          .until(() -> advertises(
              admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), bootstrapServers));
    }
    awaitOk("Redpanda's Schema Registry", URI.create(schemaRegistryUrl + "/subjects"), REDPANDA_TIMEOUT);
  }

  /** True when a broker is advertised at exactly {@code host:port}, the JVM's bootstrap address. */
  static boolean advertises(Collection<Node> brokers, String bootstrapServers) {
    return brokers.stream().anyMatch(broker -> (broker.host() + ":" + broker.port()).equals(bootstrapServers));
  }

  /**
   * {@code pg_isready} over TCP inside the container: its host port is ephemeral and not used by the
   * JVM, and Polaris reaches PostgreSQL over the Docker network the same way.
   */
  static void awaitPostgres(PostgreSQLContainer postgres) {
    Awaitility.await("PostgreSQL to accept connections again")
        .atMost(POSTGRES_TIMEOUT)
        .pollInterval(POLL)
        .ignoreExceptions()
        .until(() -> postgres.execInContainer("pg_isready", "-h", "127.0.0.1", "-p",
            String.valueOf(StackWiring.POSTGRES_PORT), "-U", postgres.getUsername(), "-d", postgres.getDatabaseName())
            .getExitCode() == 0);
  }

  /** {@code /q/health/ready}, as at start-up: it includes Polaris' JDBC connection to PostgreSQL. */
  static void awaitPolaris(URI health) {
    awaitOk("Polaris to report ready", health, POLARIS_TIMEOUT);
  }

  private static void awaitOk(String what, URI uri, Duration timeout) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build();
    Awaitility.await(what + " (200 from " + uri + ")")
        .atMost(timeout)
        .pollInterval(POLL)
        .ignoreExceptions()
        .until(() -> HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }
}
