package lakehouse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void theMedianIsAMeasuredSample() {
    assertThat(Stats.p50(List.of(900L, 1_100L, 1_000L, 5_000L, 1_050L))).isEqualTo(1_050L);
    assertThat(Stats.p50(List.of(4L, 1L, 3L, 2L))).isEqualTo(2L);
    assertThat(Stats.max(List.of(4L, 9L, 3L))).isEqualTo(9L);
  }

  @Test
  void sizesAndBatchesComeFromSettings() {
    assertThat(BenchmarkSettings.from(new Settings(Map.of(), Map.of())))
        .isEqualTo(new BenchmarkSettings(List.of(10_000, 100_000, 1_000_000), 5));
    assertThat(BenchmarkSettings.from(new Settings(Map.of("lakehouse.benchmark.sizes", "2000, 20_000"), Map.of())).sizes())
        .containsExactly(2_000, 20_000);
    assertThatThrownBy(() -> BenchmarkSettings.from(new Settings(Map.of("lakehouse.benchmark.sizes", "10k"), Map.of())))
        .hasMessageContaining("lakehouse.benchmark.sizes");
    assertThatThrownBy(() -> BenchmarkSettings.from(new Settings(Map.of("lakehouse.benchmark.batches", "3"), Map.of())))
        .hasMessageContaining("5 or more");
  }
}
