package lakehouse.stack.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import lakehouse.lifecycle.Shutdown;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/** A single Apache Kafka broker in KRaft mode (broker and controller in one), bound to 127.0.0.1. */
final class KafkaBroker implements AutoCloseable {
  private final Properties config;
  private final String bootstrapServers;
  private KafkaRaftServer server;

  private KafkaBroker(Properties config, String bootstrapServers) {
    this.config = config;
    this.bootstrapServers = bootstrapServers;
  }

  static KafkaBroker start(Path logDir) throws IOException {
    for (int attempt = 1; ; attempt++) {
      List<Integer> ports = FreePort.next(2);
      try {
        return startOn(logDir, ports.get(0), ports.get(1));
      } catch (RuntimeException e) {
        if (attempt == FreePort.ATTEMPTS || !FreePort.anyTaken(ports)) {
          throw e;
        }
        FreePort.announceRetry("Kafka broker", ports);
        clear(logDir);
      }
    }
  }

  /** Formats the log directory for these ports and starts there; a start that fails stops what it began, then throws. */
  static KafkaBroker startOn(Path logDir, int port, int controllerPort) throws IOException {
    Properties config = config(logDir, port, controllerPort);
    format(logDir, config);
    KafkaBroker broker = new KafkaBroker(config, FreePort.LOOPBACK + ":" + port);
    try {
      broker.startServer();
      return broker;
    } catch (RuntimeException e) {
      broker.stopAfterFailedStart(e);
      throw e;
    }
  }

  private void stopAfterFailedStart(RuntimeException failure) {
    try {
      close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Empties the log directory, formatted for ports that are not used after all. */
  private static void clear(Path logDir) throws IOException {
    try (Stream<Path> paths = Files.walk(logDir)) {
      paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(logDir)).forEach(path -> path.toFile().delete());
    }
  }

  private void startServer() {
    Shutdown.check("the Kafka broker");
    // A fault while starting (a port another process took between FreePort and the bind) makes Kafka's
    // fault handler halt the JVM: Runtime.halt, no shutdown hook, PostgreSQL left running, and not a line
    // on the console. Seen with two runs at once. Made a no-op while starting, the fault handler returns,
    // the broker shuts itself down and startup() throws, so the ports can be tried again.
    Exit.setHaltProcedure(KafkaBroker::neitherHaltNorExit);
    Exit.setExitProcedure(KafkaBroker::neitherHaltNorExit);
    try {
      server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
      server.startup();
    } finally {
      Exit.resetHaltProcedure();
      Exit.resetExitProcedure();
    }
  }

  private static void neitherHaltNorExit(int status, String message) {
    // Kafka logs the fault itself; startup() then throws it.
  }

  /** Stops the broker and starts it again on the same ports and log directory. */
  void restart() {
    close();
    startServer();
  }

  static Properties config(Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@" + FreePort.LOOPBACK + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + FreePort.LOOPBACK + ":" + port + ",CONTROLLER://" + FreePort.LOOPBACK + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + FreePort.LOOPBACK + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "1");
    // One broker: every internal topic (offsets, transactions for the sink's control channel) has one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // The default 128 MiB dedupe buffer is allocated at start-up; 4 MiB is the smallest accepted value.
    p.put("log.cleaner.dedupe.buffer.size", "4194304");
    return p;
  }

  private static void format(Path logDir, Properties config) throws IOException {
    Path file = logDir.resolve("server.properties");
    try (Writer writer = Files.newBufferedWriter(file)) {
      config.store(writer, "embedded KRaft broker");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit = StorageTool.execute(
        new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
        new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new IllegalStateException("kafka-storage format failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
