package lakehouse.stack.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.stack.Secrets;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * The network and containers of one stack in start order. Stops them in reverse order, keeping
 * their logs, so the logs can be written out before or after the stack has stopped.
 */
final class StartedContainers implements AutoCloseable {
  private final Network network = Network.newNetwork();
  private final Map<String, GenericContainer<?>> running = new LinkedHashMap<>();
  private final Map<String, String> logsOfStopped = new LinkedHashMap<>();
  private final List<String> secrets = new ArrayList<>();
  private boolean closed;

  StartedContainers(ContainerCredentials credentials) {
    secrets.addAll(List.of(credentials.secrets()));
  }

  Network network() {
    return network;
  }

  /** Starts a container and keeps it, under a name that becomes its log file: {@code <name>.log}. */
  synchronized <C extends GenericContainer<?>> C start(String name, C container) {
    running.put(name, container); // before start, so a failed start still leaves its logs
    container.start();
    return container;
  }

  /** Runs a one-shot container to its successful exit, keeps its output and removes it. */
  synchronized void runToCompletion(String name, GenericContainer<?> container) {
    try {
      container.start();
    } finally {
      logsOfStopped.put(name, logsOf(container));
      container.stop();
    }
  }

  /** Masks a secret learnt after start, such as one Polaris generated for a principal, in every log. */
  synchronized void maskAlso(String secret) {
    secrets.add(secret);
  }

  /** Writes one {@code <name>.log} per container, with every generated secret masked. */
  synchronized void dumpLogs(Path dir) {
    Map<String, String> logs = new LinkedHashMap<>(logsOfStopped);
    running.forEach((name, container) -> logs.put(name, logsOf(container)));
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> log : logs.entrySet()) {
        Files.writeString(dir.resolve(log.getKey() + ".log"), masked(log.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write container logs to " + dir, e);
    }
  }

  /** Stops the containers in reverse start order, then the network. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<String> names = new ArrayList<>(running.keySet());
    for (int i = names.size() - 1; i >= 0; i--) {
      GenericContainer<?> container = running.remove(names.get(i));
      logsOfStopped.put(names.get(i), logsOf(container));
      try {
        container.stop();
      } catch (RuntimeException e) {
        // keep stopping the others; Testcontainers' reaper removes what is left when the JVM exits
      }
    }
    try {
      network.close();
    } catch (RuntimeException e) {
      // as above
    }
  }

  private static String logsOf(GenericContainer<?> container) {
    if (container.getContainerId() == null) {
      return "(no container was created)\n";
    }
    try {
      return container.getLogs();
    } catch (RuntimeException e) {
      return "(logs unavailable: " + e.getMessage() + ")\n";
    }
  }

  /** Redpanda and Polaris may echo configuration; none of the stack's secrets leaves this class. */
  synchronized String masked(String log) {
    String text = log;
    for (String secret : secrets) {
      text = text.replace(secret, Secrets.MASK);
    }
    return text;
  }
}
