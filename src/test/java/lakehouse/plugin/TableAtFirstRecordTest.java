package lakehouse.plugin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * While the catalog cannot be reached, every record is retried, never dead-lettered: a valid record
 * must not reach the dead-letter topic because the catalog was down when the task started, the
 * first time or any later time.
 */
class TableAtFirstRecordTest {

  @Test
  void anUnreachableCatalogIsRetriableOnEveryRecordNotOnlyTheFirst() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    TableAtFirstRecord transform = new TableAtFirstRecord();
    transform.configure(Map.of(
        TableAtFirstRecord.TABLE_CONFIG, "redpanda.trades",
        TableAtFirstRecord.CATALOG_PREFIX + "uri", "http://127.0.0.1:" + closedPort + "/catalog"));
    SinkRecord record = new SinkRecord("trades", 0, null, null, Schema.BYTES_SCHEMA,
        "{}".getBytes(StandardCharsets.UTF_8), 0);
    try {
      for (int attempt = 1; attempt <= 3; attempt++) {
        // Before the fix the second attempt threw NullPointerException from a half-started client,
        // which Connect's errors.tolerance=all sent to the dead-letter topic.
        assertThatThrownBy(() -> transform.apply(record)).as("attempt %d", attempt)
            .isInstanceOf(RetriableException.class)
            .hasMessageContaining("the catalog did not answer about redpanda.trades");
      }
    } finally {
      transform.close();
    }
  }
}
