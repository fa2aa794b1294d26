package lakehouse.stack.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The host ports the JVM reaches Redpanda and Polaris on, chosen before any container starts and
 * bound fixed ({@code hostPort:containerPort}), instead of Docker's ephemeral ones.
 *
 * <p>Why fixed: a restarted container may get new ephemeral ports, while Redpanda advertises its
 * Kafka address in {@code redpanda.yaml}, the JVM's clients and DuckDB hold the Schema Registry and
 * Polaris URIs, and Testcontainers' {@code getMappedPort} answers from the inspection made at the
 * first start. With fixed bindings all of them stay right across {@link ContainerFaults}' restarts.
 * PostgreSQL and MinIO are never reached across a restart from the JVM, so they keep ephemeral ports.
 */
record HostPorts(int kafka, int schemaRegistry, int polarisApi, int polarisManagement) {
  HostPorts {
    List<Integer> all = List.of(kafka, schemaRegistry, polarisApi, polarisManagement);
    for (int port : all) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("not a TCP port: " + port);
      }
    }
    if (Set.copyOf(all).size() != all.size()) {
      throw new IllegalArgumentException("two containers cannot share a host port: " + all);
    }
  }

  /**
   * Asks the OS for four free ports, holding all four sockets open until each is known, so they
   * differ. Between closing them and Docker binding them another process could take one; the
   * container's start then fails naming the port, which is rare enough to accept for a test run.
   * Assumes the Docker engine runs on this host (a free port here says nothing about a remote one).
   */
  static HostPorts choose() {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        sockets.add(new ServerSocket(0));
      }
      return new HostPorts(sockets.get(0).getLocalPort(), sockets.get(1).getLocalPort(),
          sockets.get(2).getLocalPort(), sockets.get(3).getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("could not find free host ports for the containers stack", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // the port was only probed; nothing to release
        }
      }
    }
  }

  /** Kafka API and Schema Registry, in the {@code hostPort:containerPort} form of {@code setPortBindings}. */
  List<String> redpandaBindings() {
    return List.of(binding(kafka, StackWiring.KAFKA_PORT), binding(schemaRegistry, StackWiring.SCHEMA_REGISTRY_PORT));
  }

  /** REST API and the Quarkus health port the faults wait on after a pause or restart. */
  List<String> polarisBindings() {
    return List.of(binding(polarisApi, StackWiring.POLARIS_API_PORT),
        binding(polarisManagement, StackWiring.POLARIS_MANAGEMENT_PORT));
  }

  private static String binding(int hostPort, int containerPort) {
    return hostPort + ":" + containerPort;
  }
}
