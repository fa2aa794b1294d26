package lakehouse.stack.containers;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, asked once per JVM and never for longer than a few seconds. */
public final class Docker {
  /** Long enough for a first ping to a busy CI engine, short enough for {@code auto} to feel instant. */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(8);

  private static volatile Boolean available;

  private Docker() {}

  /** True when Testcontainers finds a Docker engine that answers within {@link #ANSWER_TIMEOUT}. */
  public static boolean isAvailable() {
    Boolean known = available;
    if (known == null) {
      synchronized (Docker.class) {
        if (available == null) {
          available = ask(ANSWER_TIMEOUT);
        }
        known = available;
      }
    }
    return known;
  }

  /**
   * Asks in a daemon thread, so an engine that accepts the connection but never answers cannot
   * hold up the run: after the timeout the answer is no, and the thread dies with the JVM.
   */
  static boolean ask(Duration timeout) {
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    Thread probe = new Thread(() -> {
      try {
        answer.complete(DockerClientFactory.instance().isDockerAvailable());
      } catch (Throwable e) {
        answer.complete(false);
      }
    }, "lakehouse-docker-probe");
    probe.setDaemon(true);
    probe.start();
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Why the containers stack cannot run, and the two stacks that can. */
  static String unavailableMessage() {
    return "lakehouse.stack=containers needs a Docker engine, and none answered within "
        + ANSWER_TIMEOUT.toSeconds() + " s (Testcontainers looked for DOCKER_HOST, ~/.testcontainers.properties"
        + " and the usual sockets). Start Docker, or choose another stack:"
        + " -Dlakehouse.stack=embedded runs Kafka, Kafka Connect, an Iceberg REST catalog and S3 in-JVM;"
        + " -Dlakehouse.stack=external runs against an existing cluster (settings in docs/configuration.md).";
  }
}
