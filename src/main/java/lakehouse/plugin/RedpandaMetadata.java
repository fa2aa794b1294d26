package lakehouse.plugin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.schema.IcebergTypes;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Adds Redpanda's {@code redpanda} metadata struct to each record before the Iceberg sink writes it:
 * partition, offset, timestamp, headers, key and timestamp type of the Kafka record. Keys and header
 * values arrive as raw bytes (the connectors use ByteArrayConverter for both).
 *
 * <p>A value property named {@code redpanda} moves into the struct as {@code redpanda.data}, as
 * Redpanda moves it "to avoid collisions" (record_translator.cc).
 *
 * <p>For a dead letter ({@value #FROM_ERROR_HEADERS}) the value is the record's raw bytes, which go
 * into the {@code value} column, and partition and offset are those of the original record, from the
 * headers Kafka Connect's error handling adds; those headers are not the record's own, so they are
 * left out of {@code redpanda.headers}. A dead letter's missing key or value (a tombstone) is an empty
 * binary, not NULL: Redpanda builds the dead-letter row from {@code record.share_key()} and
 * {@code record.share_value()}, which return a buffer, empty for a null (record_multiplexer.cc,
 * do_multiplex; model/record.h), while a table row's key comes from {@code share_key_opt()} and stays NULL.
 */
public final class RedpandaMetadata implements Transformation<SinkRecord> {
  public static final String FROM_ERROR_HEADERS = "from.error.headers";
  /** {@code key_value} mode: the record's raw value is the {@code value} column, NULL for a tombstone. */
  public static final String RAW_VALUE = "raw.value";
  static final String ERROR_HEADER_PREFIX = "__connect.errors.";
  private boolean fromErrorHeaders;
  private boolean rawValue;

  @Override
  public SinkRecord apply(SinkRecord record) {
    Map<String, Object> metadata = metadata(record);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(IcebergTypes.REDPANDA_METADATA, metadata);
    if (fromErrorHeaders) {
      row.put("value", presentBytes(record.value()));
    } else if (rawValue) {
      // key_value_translator::translate_data: the value as it is, a tombstone's NULL (share_value_opt)
      row.put("value", record.value());
    } else if (record.value() instanceof Map<?, ?> value) {
      value.forEach((k, v) -> {
        if (IcebergTypes.REDPANDA_METADATA.equals(k)) {
          metadata.put(IcebergTypes.USER_REDPANDA_FIELD, v);
        } else {
          row.put(String.valueOf(k), v);
        }
      });
    } else {
      return record; // nothing to translate
    }
    return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
        null, row, record.timestamp());
  }

  private Map<String, Object> metadata(SinkRecord record) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("partition", fromErrorHeaders ? intHeader(record, "partition") : record.kafkaPartition());
    metadata.put("offset", fromErrorHeaders ? longHeader(record, "offset") : record.kafkaOffset());
    metadata.put("timestamp", record.timestamp() == null ? null
        : OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC));
    metadata.put("headers", headers(record));
    metadata.put("key", fromErrorHeaders ? presentBytes(record.key()) : record.key());
    metadata.put("timestamp_type", timestampType(record.timestampType()));
    return metadata;
  }

  /** NULL for a record without headers, as Redpanda writes it (table_definition.cc, build_rp_struct). */
  private List<Map<String, Object>> headers(SinkRecord record) {
    List<Map<String, Object>> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      if (fromErrorHeaders && header.key().startsWith(ERROR_HEADER_PREFIX)) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("key", header.key());
      entry.put("value", header.value());
      headers.add(entry);
    }
    return headers.isEmpty() ? null : headers;
  }

  /** A dead letter's key or value: Redpanda's {@code share_key()}/{@code share_value()} give no bytes, never none. */
  private static Object presentBytes(Object bytes) {
    return bytes == null ? new byte[0] : bytes;
  }

  /** Kafka's record attribute: 0 for the producer's create time, 1 for the broker's log-append time. */
  static Integer timestampType(TimestampType type) {
    return switch (type) {
      case CREATE_TIME -> 0;
      case LOG_APPEND_TIME -> 1;
      case NO_TIMESTAMP_TYPE -> null;
    };
  }

  private static Integer intHeader(SinkRecord record, String name) {
    Header header = record.headers().lastWithName(ERROR_HEADER_PREFIX + name);
    return header == null ? null : Integer.valueOf(text(header));
  }

  private static Long longHeader(SinkRecord record, String name) {
    Header header = record.headers().lastWithName(ERROR_HEADER_PREFIX + name);
    return header == null ? null : Long.valueOf(text(header));
  }

  /** Connect writes its error headers as strings; with ByteArrayConverter they arrive as their UTF-8 bytes. */
  private static String text(Header header) {
    return header.value() instanceof byte[] bytes
        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : String.valueOf(header.value());
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef().define(RAW_VALUE, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
        "key_value mode: the raw value is the value column")
        .define(FROM_ERROR_HEADERS, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
        "a dead letter: the value is the raw record, partition and offset come from Kafka Connect's error headers");
  }

  @Override
  public void configure(Map<String, ?> configs) {
    fromErrorHeaders = Boolean.parseBoolean(String.valueOf(configs.get(FROM_ERROR_HEADERS)));
    rawValue = Boolean.parseBoolean(String.valueOf(configs.get(RAW_VALUE)));
  }

  @Override
  public void close() {}
}
