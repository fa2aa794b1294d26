package lakehouse.stack.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;

/** A standalone Kafka Connect worker in this JVM, running the Iceberg sink connectors. */
final class ConnectWorker implements AutoCloseable {
  private final Connect<StandaloneHerder> connect;

  private ConnectWorker(Connect<StandaloneHerder> connect) {
    this.connect = connect;
  }

  static ConnectWorker start(String bootstrapServers, Path workDir, Duration commitInterval) {
    Map<String, String> worker = new HashMap<>();
    worker.put("bootstrap.servers", bootstrapServers);
    worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    worker.put("value.converter.schemas.enable", "false");
    worker.put("offset.storage.file.filename", workDir.resolve("connect.offsets").toString());
    worker.put("listeners", "http://" + FreePort.LOOPBACK + ":" + FreePort.next());
    // Plugins (the Iceberg sink, our metadata transform) are listed in META-INF/services: no classpath scan.
    worker.put("plugin.discovery", "service_load");
    // An idle sink's put() runs only once per flush interval; above the commit interval, commits lag by up to 60 s.
    worker.put("offset.flush.interval.ms", Long.toString(commitInterval.toMillis()));
    // Connect's CLI calls System.exit on a failed start; in a test JVM that must be an exception instead.
    Exit.setExitProcedure((status, message) -> {
      throw new IllegalStateException("Kafka Connect failed to start: " + message);
    });
    try {
      return new ConnectWorker(new ConnectStandalone().startConnect(worker));
    } finally {
      Exit.resetExitProcedure();
    }
  }

  /** The worker's REST API, where connectors are created. */
  String restUrl() {
    String url = connect.rest().serverUrl().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
