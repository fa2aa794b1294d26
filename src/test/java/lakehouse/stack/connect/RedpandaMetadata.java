package lakehouse.stack.connect;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import lakehouse.schema.IcebergTypes;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Adds Redpanda's {@code redpanda} metadata struct (partition, offset, timestamp) to each
 * schemaless JSON record before the Iceberg sink writes it, as Redpanda's Iceberg topics do.
 */
public final class RedpandaMetadata implements Transformation<SinkRecord> {

  @Override
  public SinkRecord apply(SinkRecord record) {
    if (!(record.value() instanceof Map<?, ?> value)) {
      return record;
    }
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("partition", record.kafkaPartition());
    metadata.put("offset", record.kafkaOffset());
    metadata.put("timestamp", record.timestamp() == null ? null : Instant.ofEpochMilli(record.timestamp()).toString());
    Map<String, Object> withMetadata = new LinkedHashMap<>();
    withMetadata.put(IcebergTypes.REDPANDA_METADATA, metadata);
    value.forEach((k, v) -> withMetadata.put(String.valueOf(k), v));
    return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
        null, withMetadata, record.timestamp());
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef();
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
