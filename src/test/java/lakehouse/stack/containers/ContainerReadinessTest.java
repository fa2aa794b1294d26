package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

class ContainerReadinessTest {

  @Test
  void aBrokerAdvertisedAtTheFixedHostPortIsReady() {
    assertThat(ContainerReadiness.advertises(List.of(new Node(0, "localhost", 41001)), "localhost:41001")).isTrue();
  }

  /** What a restart without fixed ports would produce: the broker answers, but at an address clients cannot use. */
  @Test
  void aBrokerAdvertisedAtAnotherPortIsNot() {
    assertThat(ContainerReadiness.advertises(List.of(new Node(0, "localhost", 32768)), "localhost:41001")).isFalse();
  }

  @Test
  void noBrokerIsNotReady() {
    assertThat(ContainerReadiness.advertises(List.of(), "localhost:41001")).isFalse();
  }
}
