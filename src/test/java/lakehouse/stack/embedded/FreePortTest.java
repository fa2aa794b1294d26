package lakehouse.stack.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortTest {

  @Test
  void portsChosenTogetherAreAllDifferentAndFreeAgainOnceChosen() throws IOException {
    List<Integer> ports = FreePort.next(40);

    assertThat(ports).doesNotHaveDuplicates().hasSize(40);
    for (int port : ports) {
      try (ServerSocket bound = new ServerSocket(port, 50, InetAddress.getByName(FreePort.LOOPBACK))) {
        assertThat(bound.getLocalPort()).isEqualTo(port);
      }
    }
  }
}
