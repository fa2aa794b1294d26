package lakehouse.stack;

import java.time.Duration;
import java.util.Optional;

/**
 * The commit interval ({@code lakehouse.commit-interval-ms}) each stack defaults to and accepts, and
 * how the suite's waits grow with it.
 *
 * <p>Where Redpanda commits (containers, and external with a Schema Registry and no Kafka Connect),
 * the default and the minimum are 10 s: Redpanda refuses a topic's
 * {@code redpanda.iceberg.target.lag.ms} under 10 s with INVALID_CONFIG
 * ({@code kafka/server/handlers/topics/validators.h}, {@code iceberg_target_lag_ms_validator}).
 * The external stack sets that property on each of its topics. The containers stack sets the
 * cluster properties, which accept less (Redpanda's own {@code iceberg_toggling_test.py} runs at
 * 1000 ms), but its external-stack spec runs the same Redpanda through topic properties, so one
 * rule holds for both.
 */
final class CommitIntervals {
  /** The embedded stack's default: the Iceberg sink commits every second. */
  public static final Duration EMBEDDED_DEFAULT = Duration.ofSeconds(1);
  /** Redpanda's smallest {@code redpanda.iceberg.target.lag.ms}, and the default where Redpanda commits. */
  public static final Duration REDPANDA_MINIMUM = Duration.ofSeconds(10);
  /** How many times its excess over the embedded default a longer interval adds to every wait. */
  static final int WAIT_INTERVALS = 10;

  private CommitIntervals() {}

  /** Whether Redpanda, rather than the Apache Iceberg sink, commits on this stack. */
  public static boolean redpandaCommits(StackKind stack, Settings settings) {
    return switch (stack) {
      case CONTAINERS -> true;
      case EXTERNAL -> settings.get(ExternalSettings.SCHEMA_REGISTRY_URL).isPresent()
          && settings.get(ExternalSettings.CONNECT_URL).isEmpty();
      case EMBEDDED, AUTO -> false;
    };
  }

  /**
   * The stack's default when the setting is unset; a value under Redpanda's minimum on a Redpanda
   * stack is refused, naming the minimum, the setting and the stack.
   *
   * @param explicitInterval the value of {@code lakehouse.commit-interval-ms}, if set
   */
  public static Duration resolve(StackKind stack, Settings settings, Optional<Duration> explicitInterval) {
    boolean redpanda = redpandaCommits(stack, settings);
    if (explicitInterval.isEmpty()) {
      return redpanda ? REDPANDA_MINIMUM : EMBEDDED_DEFAULT;
    }
    Duration explicit = explicitInterval.get();
    if (redpanda && explicit.compareTo(REDPANDA_MINIMUM) < 0) {
      throw new IllegalArgumentException(RunSettings.COMMIT_INTERVAL_MS + "=" + explicit.toMillis() + " is below "
          + REDPANDA_MINIMUM.toMillis() + " ms, the minimum Redpanda accepts for redpanda.iceberg.target.lag.ms"
          + " (it answers INVALID_CONFIG), and Redpanda commits on the " + stack.settingValue() + " stack"
          + (stack == StackKind.EXTERNAL ? " (" + ExternalSettings.SCHEMA_REGISTRY_URL + " without " + ExternalSettings.CONNECT_URL
              + ")" : "") + ". Set -D" + RunSettings.COMMIT_INTERVAL_MS + "=" + REDPANDA_MINIMUM.toMillis()
          + " or more (" + Settings.environmentName(RunSettings.COMMIT_INTERVAL_MS) + "), or leave it unset for "
          + REDPANDA_MINIMUM.toMillis() + " ms on this stack");
    }
    return explicit;
  }

  /**
   * A wait written for the embedded default of 1 s, grown by {@value #WAIT_INTERVALS} times what a
   * longer interval exceeds that default by: 2 min at 1 s become 3.5 min at 10 s. Shorter intervals
   * keep the wait as written.
   */
  public static Duration scaled(Duration atOneSecond, Duration commitInterval) {
    Duration longer = commitInterval.minus(EMBEDDED_DEFAULT);
    return longer.isNegative() ? atOneSecond : atOneSecond.plus(longer.multipliedBy(WAIT_INTERVALS));
  }
}
