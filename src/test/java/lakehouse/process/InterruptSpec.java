package lakehouse.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import lakehouse.junit.LakehouseSpec;
import lakehouse.stack.RunSettings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A run interrupted mid-spec (SIGTERM, as Ctrl-C or a CI cancel sends) stops its stack and leaves nothing behind. */
@LakehouseSpec
@Order(102)
class InterruptSpec {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  void sigtermDuringTheSpecLeavesNoProcessAndNoTemporaryFile(RunSettings settings) throws Exception {
    Path reportDir = settings.reportDir().resolve("interrupted");
    ChildSettings child = new ChildSettings(settings, "embedded", reportDir)
        .with(RunSettings.TRADES, "100000");

    try (ChildJvm jvm = ChildJvm.runSpec("interrupted", child.systemProperties, child.environment, reportDir)) {
      await("the child run to reach the snapshot wait").atMost(TIMEOUT)
          .until(() -> jvm.output().contains("rows committed") || !jvm.isAlive());
      assertThat(jvm.isAlive()).as("the child is still mid-run; its output:%n%s", jvm.output()).isTrue();

      jvm.terminate(Duration.ofMinutes(1));

      assertThat(jvm.leftoverProcesses()).as("processes left running").isEmpty();
      assertThat(jvm.leftoverFiles()).as("files left in the child's temporary directory").isEmpty();
      assertThat(jvm.output()).as("the stack was stopped by the shutdown hook").contains("report written to");
    }
  }
}
