package lakehouse.stack.redpanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedpandaVersionTest {

  @Test
  void readsTheReleaseFromAnImageTagOrWhatABrokerReports() {
    assertThat(RedpandaVersion.parse("v25.3.11")).contains(new RedpandaVersion(25, 3, 11));
    assertThat(RedpandaVersion.parse("v25.3.11 - 6a4f0c9e1b2d3a4f5e6c7b8a9d0e1f2a3b4c5d6e"))
        .contains(new RedpandaVersion(25, 3, 11));
    assertThat(RedpandaVersion.parse("25.2.1-rc3")).contains(new RedpandaVersion(25, 2, 1));
    assertThat(RedpandaVersion.parse("v26.1")).contains(new RedpandaVersion(26, 1, 0));
  }

  @Test
  void aDigestOrACustomTagNamesNoRelease() {
    assertThat(RedpandaVersion.parse("sha256:" + "0".repeat(64))).isEmpty();
    assertThat(RedpandaVersion.parse("nightly")).isEmpty();
  }

  @Test
  void theMinimumIs25Point3() {
    assertThat(new RedpandaVersion(25, 3, 0).isSupported()).isTrue();
    assertThat(new RedpandaVersion(26, 0, 1).isSupported()).isTrue();
    assertThat(new RedpandaVersion(25, 2, 99).isSupported()).isFalse();
    assertThat(new RedpandaVersion(24, 3, 1).isSupported()).isFalse();
  }

  @Test
  void theRefusalNamesWhereItWasFoundTheVersionTheMinimumAndWhy() {
    assertThatThrownBy(() -> new RedpandaVersion(25, 2, 10).requireSupported("broker 2", "v25.2.10 - abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("broker 2 is Redpanda v25.2.10 - abc, older than the suite's minimum 25.3")
        .hasMessageContaining("redpanda.timestamp")
        .hasMessageContaining("timestamp_type")
        .hasMessageContaining("total-records")
        .hasMessageContaining("#27413");
  }
}
