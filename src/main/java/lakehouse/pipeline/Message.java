package lakehouse.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record as a producer sends it: key, value and headers as raw bytes, since that is what an Iceberg
 * topic stores in {@code redpanda.key}, the value columns and {@code redpanda.headers}.
 *
 * @param key null for a record without a key
 * @param value null for a tombstone
 */
public record Message(byte[] key, byte[] value, Map<String, byte[]> headers) {
  public Message {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static Message of(String key, byte[] value) {
    return new Message(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, Map.of());
  }

  public Message withHeader(String name, String headerValue) {
    Map<String, byte[]> more = new LinkedHashMap<>(headers);
    more.put(name, headerValue.getBytes(StandardCharsets.UTF_8));
    return new Message(key, value, more);
  }
}
