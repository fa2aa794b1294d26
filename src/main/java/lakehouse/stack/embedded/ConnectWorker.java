package lakehouse.stack.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lakehouse.lifecycle.Shutdown;
import lakehouse.stack.Endpoints;
import lakehouse.stack.connect.ConnectWorkerConfig;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/** A standalone Kafka Connect worker in this JVM, running the Iceberg sink connectors. */
final class ConnectWorker implements AutoCloseable {
  private final Map<String, String> workerConfig;
  private volatile Connect<StandaloneHerder> connect;
  private TaskSupervisor supervisor;

  private ConnectWorker(Map<String, String> workerConfig) {
    this.workerConfig = workerConfig;
  }

  /** @param secretsDir where the connectors' secrets file lives ({@link ConnectWorkerConfig#of}) */
  static ConnectWorker start(String bootstrapServers, Path workDir, Path secretsDir, Duration commitInterval) {
    // Port 0: the kernel picks a free one as the worker binds it, so no other run can take it in between.
    Map<String, String> worker = new HashMap<>(ConnectWorkerConfig.of(new Endpoints.Kafka(bootstrapServers, Map.of()),
        workDir, "http://" + FreePort.LOOPBACK + ":0", commitInterval, secretsDir));
    ConnectWorker connectWorker = new ConnectWorker(worker);
    connectWorker.startWorker();
    // The port it got is kept, so a restarted worker answers on the same URL.
    worker.put("listeners", "http://" + FreePort.LOOPBACK + ":" + connectWorker.connect.rest().advertisedUrl().getPort());
    connectWorker.supervisor = new TaskSupervisor(() -> connectWorker.connect.herder());
    return connectWorker;
  }

  private void startWorker() {
    Shutdown.check("Kafka Connect");
    // Connect's CLI calls System.exit on a failed start; in a test JVM that must be an exception instead.
    Exit.setExitProcedure((status, message) -> {
      throw new IllegalStateException("Kafka Connect failed to start: " + message);
    });
    // Connect would add a JVM shutdown hook of its own, racing the stack's hook on SIGTERM: its stop could
    // then still run after the broker was gone and hang the JVM's exit. The stack stops the worker itself.
    Exit.setShutdownHookAdder((name, hook) -> { });
    try {
      connect = new ConnectStandalone().startConnect(workerConfig);
    } finally {
      Exit.resetExitProcedure();
      Exit.resetShutdownHookAdder();
    }
  }

  /**
   * Stops the worker and starts a new one with the same connectors. A standalone worker keeps
   * connector configurations only in memory, so they are read before the stop and put back after.
   */
  void restart() throws Exception {
    Map<String, Map<String, String>> connectors = new HashMap<>();
    for (String name : connect.herder().connectors()) {
      FutureCallback<Map<String, String>> config = new FutureCallback<>();
      connect.herder().connectorConfig(name, config);
      connectors.put(name, config.get(30, TimeUnit.SECONDS));
    }
    stopWorker();
    startWorker();
    for (Map.Entry<String, Map<String, String>> connector : connectors.entrySet()) {
      FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
      connect.herder().putConnectorConfig(connector.getKey(), connector.getValue(), true, created);
      created.get(30, TimeUnit.SECONDS);
    }
  }

  /** The worker's REST API, where connectors are created. */
  String restUrl() {
    String url = connect.rest().advertisedUrl().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public void close() {
    supervisor.close();
    stopWorker();
  }

  private void stopWorker() {
    if (Shutdown.jvmExiting()) {
      // Connect's REST server is Jetty's stop-at-shutdown (RestServer), so Jetty's own shutdown hook stops it at
      // the same time as this one; Connect.stop() stops that server first and could then wait for ever in
      // Server.join (seen once in InterruptSpec: SIGTERM right after start-up, the JVM alive 60 s later). Here only
      // the herder must stop: the connectors, their tasks and the offsets file in the work directory.
      connect.herder().stop();
      return;
    }
    connect.stop();
    connect.awaitStop();
  }
}
