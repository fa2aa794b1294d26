package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.PortBinding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostPortsTest {
  private final HostPorts ports = new HostPorts(41001, 41002, 41003, 41004);

  @Test
  void redpandaBindsItsKafkaApiAndSchemaRegistryToTheChosenHostPorts() {
    assertThat(ports.redpandaBindings()).containsExactly("41001:9092", "41002:8081");
  }

  @Test
  void polarisBindsItsApiAndHealthPortsToTheChosenHostPorts() {
    assertThat(ports.polarisBindings()).containsExactly("41003:8181", "41004:8182");
  }

  /** setPortBindings hands each string to docker-java's PortBinding.parse; it must read host then container. */
  @Test
  void dockerJavaReadsEachBindingAsHostPortThenContainerPort() {
    List<PortBinding> parsed = ports.redpandaBindings().stream().map(PortBinding::parse).toList();

    assertThat(parsed).extracting(binding -> binding.getBinding().getHostPortSpec()).containsExactly("41001", "41002");
    assertThat(parsed).extracting(binding -> binding.getExposedPort().getPort()).containsExactly(9092, 8081);
    assertThat(parsed).allSatisfy(binding -> assertThat(binding.getBinding().getHostIp()).isNull());
  }

  @Test
  void fourDifferentFreePortsAreChosen() {
    HostPorts chosen = HostPorts.choose();
    List<Integer> all = List.of(chosen.kafka(), chosen.schemaRegistry(), chosen.polarisApi(), chosen.polarisManagement());

    assertThat(Set.copyOf(all)).hasSize(4);
    assertThat(all).allSatisfy(port -> assertThat(port).isBetween(1, 65535));
  }

  @Test
  void twoContainersCannotShareAHostPort() {
    assertThatThrownBy(() -> new HostPorts(41001, 41002, 41001, 41004))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share");
  }

  @Test
  void aPortOutsideTheTcpRangeIsRefused() {
    assertThatThrownBy(() -> new HostPorts(0, 41002, 41003, 41004)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HostPorts(41001, 65536, 41003, 41004)).isInstanceOf(IllegalArgumentException.class);
  }
}
