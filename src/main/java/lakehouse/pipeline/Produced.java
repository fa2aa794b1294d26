package lakehouse.pipeline;

import java.util.List;

/**
 * What a producer reported for a batch.
 *
 * @param lastAckNanos {@link System#nanoTime()} of the last acknowledgement, where freshness starts
 */
public record Produced(String topic, int sent, long acknowledged, List<Exception> failures, long lastAckNanos) {}
