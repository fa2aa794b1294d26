package lakehouse.stack.containers;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.EvaluatedCondition;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers Testcontainers, asked once per JVM, and what happened: the answer
 * says where the engine was looked for and how long it took, so neither {@code auto} nor
 * {@code containers} ever reports "no Docker" without the reason.
 */
public final class Docker {
  /**
   * Long enough for a cold machine: Testcontainers' first client call starts its Ryuk container,
   * pulling {@link #RYUK_IMAGE} first if it is not there ({@code DockerClientFactory.client} →
   * {@code ResourceReaper.init}), which on a fresh CI runner can take most of a minute.
   */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
  /** Testcontainers 2.0.5's Ryuk image ({@code org.testcontainers.utility.RyukContainer}); CI pulls it up front. */
  public static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * @param available whether Testcontainers reached an engine
   * @param description what happened, for a person: where, how long, and Testcontainers' reason if it failed
   */
  public record Answer(boolean available, String description) {}

  private static volatile Answer answer;

  private Docker() {}

  /** True when Testcontainers reaches a Docker engine within {@link #ANSWER_TIMEOUT}. */
  public static boolean isAvailable() {
    return answer().available();
  }

  /** The answer for this JVM: asked at the first call, printing progress while it waits. */
  public static Answer answer() {
    Answer known = answer;
    if (known == null) {
      synchronized (Docker.class) {
        if (answer == null) {
          answer = ask(Docker::connectTestcontainers, ANSWER_TIMEOUT, DockerLocations.ofThisMachine(), System.out);
        }
        known = answer;
      }
    }
    return known;
  }

  private static String connectTestcontainers() {
    DockerClientFactory factory = DockerClientFactory.instance();
    factory.client();
    return String.valueOf(factory.getTransportConfig().getDockerHost());
  }

  /**
   * Asks in a daemon thread, so an engine that accepts the connection but never answers cannot hold
   * up the run: after the timeout the answer is no, and the thread dies with the JVM. While it waits,
   * it says what it waits for, at most once a second.
   *
   * @param connect reaches the engine and returns where it is; throws when it cannot
   */
  static Answer ask(Callable<String> connect, Duration timeout, DockerLocations locations, PrintStream out) {
    CompletableFuture<String> engine = new CompletableFuture<>();
    Thread probe = new Thread(() -> {
      try {
        engine.complete(connect.call());
      } catch (Throwable e) {
        engine.completeExceptionally(e);
      }
    }, "lakehouse-docker-probe");
    probe.setDaemon(true);
    long started = System.nanoTime();
    probe.start();
    String where = locations.anyFound() ? "Docker at " + locations.describe() : "a Docker engine";
    try {
      Awaitility.await("Testcontainers to reach " + where)
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .conditionEvaluationListener(new Waiting(out, where, timeout))
          .until(engine::isDone);
    } catch (ConditionTimeoutException noAnswer) {
      return new Answer(false, where + " did not answer within " + seconds(timeout) + ": Testcontainers was still"
          + " connecting to it or starting its Ryuk container (" + RYUK_IMAGE + ", pulled on a first run)");
    }
    String after = seconds(Duration.ofNanos(System.nanoTime() - started));
    try {
      return new Answer(true, "Docker answered at " + engine.join() + " after " + after);
    } catch (RuntimeException failed) {
      String reason = reason(failed.getCause() == null ? failed : failed.getCause());
      return locations.anyFound()
          ? new Answer(false, where + " was found, but Testcontainers could not use it (after " + after + ": "
              + reason + ")")
          : new Answer(false, "no Docker engine was found: " + locations.describe() + " (Testcontainers, after "
              + after + ": " + reason + ")");
    }
  }

  /** Why the containers stack cannot run, and the two stacks that can. */
  static String unavailableMessage(Answer answer) {
    return "lakehouse.stack=containers needs a Docker engine, but " + answer.description() + ". Start Docker, or"
        + " choose another stack: -Dlakehouse.stack=embedded runs Kafka, Kafka Connect, an Iceberg REST catalog and"
        + " S3 in-JVM; -Dlakehouse.stack=external runs against an existing cluster (settings in docs/configuration.md).";
  }

  private static String reason(Throwable failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return message.lines().findFirst().orElse(message).trim();
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** "[lakehouse] waiting for Docker at /var/run/docker.sock …: 3 s of 60 s", at most once a second. */
  private static final class Waiting implements ConditionEvaluationListener<Object> {
    private final PrintStream out;
    private final String where;
    private final Duration timeout;
    private long lastPrinted;

    Waiting(PrintStream out, String where, Duration timeout) {
      this.out = out;
      this.where = where;
      this.timeout = timeout;
    }

    @Override
    public void conditionEvaluated(EvaluatedCondition<Object> condition) {
      long elapsed = condition.getElapsedTimeInMS();
      if (elapsed - lastPrinted >= 1_000) {
        lastPrinted = elapsed;
        out.printf(Locale.ROOT, "[lakehouse] waiting for %s: Testcontainers connects and starts its Ryuk container"
            + " (%s, pulled on a first run); %d s of %d s%n", where, RYUK_IMAGE, elapsed / 1000, timeout.toSeconds());
      }
    }
  }
}
