package lakehouse.stack.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import lakehouse.stack.Endpoints;

/**
 * The properties of a standalone Kafka Connect worker that runs the Iceberg sink connectors, shared by
 * the embedded stack's worker and the worker JVM that proves the plugin archive.
 */
public final class ConnectWorkerConfig {
  private ConnectWorkerConfig() {}

  /**
   * @param workDir where the worker keeps its source offsets ({@code connect.offsets})
   * @param listeners the REST API's listener, such as {@code http://127.0.0.1:0}
   * @param secretsDir where the file the connectors' secret placeholders point to lives; the worker's
   *     {@code FileConfigProvider} may read there and nowhere else ({@link ConnectSecrets})
   */
  public static Map<String, String> of(Endpoints.Kafka kafka, Path workDir, String listeners, Duration commitInterval,
      Path secretsDir) {
    Map<String, String> worker = new LinkedHashMap<>();
    worker.put("bootstrap.servers", kafka.bootstrapServers());
    worker.putAll(kafka.clientProperties());
    worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    worker.put("value.converter.schemas.enable", "false");
    worker.put("offset.storage.file.filename", workDir.resolve("connect.offsets").toString());
    worker.put("listeners", listeners);
    // Plugins (the Iceberg sink, our converter and transforms) are listed in META-INF/services: no classpath scan.
    worker.put("plugin.discovery", "service_load");
    // An idle sink task sees the coordinator's commit requests only when put() runs, which for an idle
    // task is once per flush interval (default 60 s). Far below the commit interval, requests are
    // answered within ~100 ms instead of up to a whole interval later.
    worker.put("offset.flush.interval.ms", Long.toString(flushIntervalMs(commitInterval)));
    // The connectors carry placeholders for the secrets, never the values.
    worker.putAll(ConnectSecrets.workerConfig(secretsDir));
    return worker;
  }

  static long flushIntervalMs(Duration commitInterval) {
    return Math.max(50, Math.min(100, commitInterval.toMillis() / 4));
  }
}
