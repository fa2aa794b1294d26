package lakehouse.stack.containers;

/**
 * The Docker operations {@link ContainerFaults} is made of, on containers named by their network
 * alias ({@link StackWiring#REDPANDA}, {@link StackWiring#POLARIS}, {@link StackWiring#POSTGRES}).
 * An interface so the order of each fault can be unit-tested without a Docker engine;
 * {@link DockerContainerControl} does them with docker-java.
 */
interface ContainerControl {

  /** Stops the container gracefully (SIGTERM, then SIGKILL after a grace period), keeping its filesystem. */
  void stop(String name);

  /** Starts a stopped container again, with the same filesystem, network aliases and port bindings. */
  void start(String name);

  /** {@code docker restart}: stop then start, for containers whose entrypoint needs nothing in between. */
  void restart(String name);

  /** {@code docker pause}: freezes every process; connections are accepted by no one until unpaused. */
  void pause(String name);

  void unpause(String name);

  /**
   * Writes Redpanda's {@code redpanda.yaml} again, marker line first. rpk rewrites that file at
   * start without comments, so after the first start the marker the Testcontainers entrypoint waits
   * for is gone, and a plain restart would wait for it forever.
   */
  void rewriteRedpandaNodeConfig();

  /** Returns once the container answers the way start-up waited for it, or fails after a timeout. */
  void awaitReady(String name);
}
