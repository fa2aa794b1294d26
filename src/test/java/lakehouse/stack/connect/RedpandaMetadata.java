package lakehouse.stack.connect;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import lakehouse.schema.IcebergTypes;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Adds Redpanda's {@code redpanda} metadata struct (partition, offset, timestamp) to each
 * schemaless record before the Iceberg sink writes it, as Redpanda's Iceberg topics do. For a
 * dead letter ({@value #FROM_ERROR_HEADERS}) the partition and offset are those of the original
 * record, from the headers Kafka Connect's error handling adds.
 */
public final class RedpandaMetadata implements Transformation<SinkRecord> {
  public static final String FROM_ERROR_HEADERS = "from.error.headers";
  private boolean fromErrorHeaders;

  @Override
  public SinkRecord apply(SinkRecord record) {
    if (!(record.value() instanceof Map<?, ?> value)) {
      return record;
    }
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("partition", fromErrorHeaders ? intHeader(record, "__connect.errors.partition") : record.kafkaPartition());
    metadata.put("offset", fromErrorHeaders ? longHeader(record, "__connect.errors.offset") : record.kafkaOffset());
    metadata.put("timestamp", record.timestamp() == null ? null : Instant.ofEpochMilli(record.timestamp()).toString());
    Map<String, Object> withMetadata = new LinkedHashMap<>();
    withMetadata.put(IcebergTypes.REDPANDA_METADATA, metadata);
    value.forEach((k, v) -> withMetadata.put(String.valueOf(k), v));
    return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
        null, withMetadata, record.timestamp());
  }

  private static Integer intHeader(SinkRecord record, String name) {
    Header header = record.headers().lastWithName(name);
    return header == null ? null : Integer.valueOf(header.value().toString());
  }

  private static Long longHeader(SinkRecord record, String name) {
    Header header = record.headers().lastWithName(name);
    return header == null ? null : Long.valueOf(header.value().toString());
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef().define(FROM_ERROR_HEADERS, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
        "take partition and offset from Kafka Connect's dead-letter headers");
  }

  @Override
  public void configure(Map<String, ?> configs) {
    fromErrorHeaders = Boolean.parseBoolean(String.valueOf(configs.get(FROM_ERROR_HEADERS)));
  }

  @Override
  public void close() {}
}
