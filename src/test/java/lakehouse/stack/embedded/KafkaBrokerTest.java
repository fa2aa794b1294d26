package lakehouse.stack.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real KRaft broker whose controller port another process holds. Kafka's fault handler used to halt
 * this JVM (Runtime.halt: no hook ran, PostgreSQL stayed up, the console said nothing); it must throw
 * instead, so that {@link KafkaBroker#start} can try fresh ports. Were the JVM halted, surefire would
 * report this test's JVM as crashed.
 */
class KafkaBrokerTest {

  @Test
  void aTakenPortFailsTheStartWithAnExceptionInsteadOfHaltingTheJvm(@TempDir Path logDir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> KafkaBroker.startOn(logDir, FreePort.next(), taken.getLocalPort()))
          .hasRootCauseInstanceOf(BindException.class);
    }
    assertThat(Runtime.getRuntime().availableProcessors()).as("this JVM still runs").isPositive();
  }
}
