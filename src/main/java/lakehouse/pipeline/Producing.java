package lakehouse.pipeline;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import lakehouse.KafkaHandle;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends a batch with an idempotent, acks=all producer and counts every acknowledgement and failure. */
public final class Producing {
  private Producing() {}

  /** Each item with a string key and a value, no headers. */
  public static <T> Produced sendAll(KafkaHandle kafka, String topic, List<T> items, Function<T, String> key,
      Function<T, byte[]> value) {
    return sendAll(kafka, topic, items, item -> Message.of(key.apply(item), value.apply(item)), new AtomicLong());
  }

  /** As above, counting acknowledgements into {@code acknowledged} as they arrive, for a caller watching progress. */
  public static <T> Produced sendAll(KafkaHandle kafka, String topic, List<T> items, Function<T, String> key,
      Function<T, byte[]> value, AtomicLong acknowledged) {
    return sendAll(kafka, topic, items, item -> Message.of(key.apply(item), value.apply(item)), acknowledged);
  }

  public static <T> Produced sendAll(KafkaHandle kafka, String topic, List<T> items, Function<T, Message> message) {
    return sendAll(kafka, topic, items, message, new AtomicLong());
  }

  public static <T> Produced sendAll(KafkaHandle kafka, String topic, List<T> items, Function<T, Message> message,
      AtomicLong acknowledged) {
    AtomicLong lastAck = new AtomicLong();
    Queue<Exception> failures = new ConcurrentLinkedQueue<>();
    try (Producer<byte[], byte[]> producer = kafka.producer()) {
      for (T item : items) {
        producer.send(record(topic, message.apply(item)), (metadata, error) -> {
          if (error == null) {
            acknowledged.incrementAndGet();
            lastAck.accumulateAndGet(System.nanoTime(), Math::max);
          } else {
            failures.add(error);
          }
        });
      }
      producer.flush();
    }
    return new Produced(topic, items.size(), acknowledged.get(), List.copyOf(failures), lastAck.get());
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, Message message) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, message.key(), message.value());
    message.headers().forEach((name, value) -> record.headers().add(name, value));
    return record;
  }
}
