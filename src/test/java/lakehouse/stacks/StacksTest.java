package lakehouse.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import lakehouse.stack.StackKind;
import lakehouse.stack.containers.Docker;
import org.junit.jupiter.api.Test;

class StacksTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void autoChoosesContainersWhenDockerAnswersAndSaysSo() {
    StackKind chosen = Stacks.resolve(StackKind.AUTO,
        () -> new Docker.Answer(true, "Docker answered at unix:///var/run/docker.sock after 41.0 s"), out);

    assertThat(chosen).isEqualTo(StackKind.CONTAINERS);
    assertThat(output()).contains("lakehouse.stack=auto chose containers: Docker answered at unix:///var/run/docker.sock");
  }

  @Test
  void autoFallsBackToEmbeddedOnlyWithTheReason() {
    StackKind chosen = Stacks.resolve(StackKind.AUTO,
        () -> new Docker.Answer(false, "no Docker engine was found: no Docker socket at /var/run/docker.sock"), out);

    assertThat(chosen).isEqualTo(StackKind.EMBEDDED);
    assertThat(output()).contains("lakehouse.stack=auto chose embedded: no Docker engine was found: no Docker socket at"
        + " /var/run/docker.sock").contains("-Dlakehouse.stack=containers");
  }

  @Test
  void anExplicitStackNeverAsksDocker() {
    Supplier<Docker.Answer> mustNotAsk = () -> {
      throw new AssertionError("Docker was asked for an explicit stack");
    };

    for (StackKind explicit : new StackKind[] {StackKind.CONTAINERS, StackKind.EMBEDDED, StackKind.EXTERNAL}) {
      assertThat(Stacks.resolve(explicit, mustNotAsk, out)).isEqualTo(explicit);
    }
    assertThat(output()).isEmpty();
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
