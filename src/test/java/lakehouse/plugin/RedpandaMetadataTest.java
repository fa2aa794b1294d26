package lakehouse.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** The {@code redpanda} struct as Redpanda 25.3 fills it (table_definition.cc, build_rp_struct, build_headers_value). */
class RedpandaMetadataTest {

  @Test
  void theStructHoldsPartitionOffsetTimestampHeadersKeyAndTimestampType() {
    ConnectHeaders headers = new ConnectHeaders();
    headers.add("source", "spec".getBytes(StandardCharsets.UTF_8), null);
    SinkRecord record = new SinkRecord("t", 3, null, bytes("trade-1"), null, Map.of("a", 1L), 42, 1_700_000_000_123L,
        TimestampType.LOG_APPEND_TIME, headers);

    Map<?, ?> metadata = metadata(transform(Map.of()).apply(record));

    assertThat(metadata.get("partition")).isEqualTo(3);
    assertThat(metadata.get("offset")).isEqualTo(42L);
    assertThat(metadata.get("timestamp")).isEqualTo(OffsetDateTime.parse("2023-11-14T22:13:20.123Z"));
    assertThat((byte[]) metadata.get("key")).isEqualTo(bytes("trade-1"));
    assertThat(metadata.get("timestamp_type")).as("1 = append_time (model/timestamp.h)").isEqualTo(1);
    assertThat((List<?>) metadata.get("headers")).singleElement().satisfies(header -> {
      assertThat(((Map<?, ?>) header).get("key")).isEqualTo("source");
      assertThat((byte[]) ((Map<?, ?>) header).get("value")).isEqualTo(bytes("spec"));
    });
  }

  @Test
  void noHeadersIsNullAndAPropertyNamedRedpandaMovesIntoTheStruct() {
    SinkRecord record = new SinkRecord("t", 0, null, null, null, Map.of("redpanda", "mine", "a", 1L), 0, 0L,
        TimestampType.CREATE_TIME);

    SinkRecord translated = transform(Map.of()).apply(record);

    assertThat(metadata(translated).get("headers")).isNull();
    assertThat(metadata(translated).get("data")).isEqualTo("mine");
    assertThat(metadata(translated).get("timestamp_type")).as("0 = create_time").isEqualTo(0);
    assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) translated.value()).keySet())).containsExactlyInAnyOrder("redpanda", "a");
  }

  @Test
  void aDeadLetterKeepsItsRawValueAndTheOriginalPartitionAndOffsetButNotConnectsErrorHeaders() {
    ConnectHeaders headers = new ConnectHeaders();
    headers.add("source", bytes("spec"), null);
    headers.add("__connect.errors.partition", bytes("2"), null);
    headers.add("__connect.errors.offset", bytes("17"), null);
    headers.add("__connect.errors.exception.message", bytes("cannot be translated"), null);
    SinkRecord deadLetter = new SinkRecord("t.dlq", 0, null, bytes("k"), null, bytes("{oops"), 5, 1L,
        TimestampType.CREATE_TIME, headers);

    SinkRecord row = transform(Map.of(RedpandaMetadata.FROM_ERROR_HEADERS, "true")).apply(deadLetter);

    assertThat((byte[]) ((Map<?, ?>) row.value()).get("value")).isEqualTo(bytes("{oops"));
    assertThat(metadata(row).get("partition")).isEqualTo(2);
    assertThat(metadata(row).get("offset")).isEqualTo(17L);
    assertThat((List<?>) metadata(row).get("headers")).singleElement()
        .satisfies(header -> assertThat(((Map<?, ?>) header).get("key")).isEqualTo("source"));
  }

  @Test
  void aDeadLettersNullKeyAndTombstoneValueAreEmptyBinariesAsRedpandaWritesThem() {
    ConnectHeaders headers = new ConnectHeaders();
    headers.add("__connect.errors.partition", bytes("0"), null);
    headers.add("__connect.errors.offset", bytes("3"), null);
    SinkRecord tombstone = new SinkRecord("t.dlq", 0, null, null, null, null, 9, 1L, TimestampType.CREATE_TIME, headers);

    SinkRecord row = transform(Map.of(RedpandaMetadata.FROM_ERROR_HEADERS, "true")).apply(tombstone);

    assertThat((byte[]) ((Map<?, ?>) row.value()).get("value")).as("share_value() of a tombstone").isEmpty();
    assertThat((byte[]) metadata(row).get("key")).as("share_key() of a null key").isEmpty();
  }

  @Test
  void aTableRowsNullKeyStaysNull() {
    SinkRecord record = new SinkRecord("t", 0, null, null, null, Map.of("a", 1L), 0, 0L, TimestampType.CREATE_TIME);

    assertThat(metadata(transform(Map.of()).apply(record)).get("key")).as("share_key_opt() of a null key").isNull();
  }

  private static RedpandaMetadata transform(Map<String, String> config) {
    RedpandaMetadata transform = new RedpandaMetadata();
    transform.configure(config);
    return transform;
  }

  private static Map<?, ?> metadata(SinkRecord record) {
    return (Map<?, ?>) ((Map<?, ?>) record.value()).get("redpanda");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
