package lakehouse.process;

import static org.assertj.core.api.Assertions.assertThat;

import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import org.junit.jupiter.api.Test;

/**
 * The start of a run and nothing more: {@link InterruptSpec} runs it in a child JVM as "the next
 * run" after a SIGKILL, whose start must reclaim what the killed run left. Not a spec of its own
 * (its name does not end in Spec, so failsafe does not pick it up).
 */
@LakehouseSpec
class RunStartProbe {

  @Test
  void theStackStarts(Lakehouse lakehouse) {
    assertThat(lakehouse.endpoints().kafka().bootstrapServers()).isNotBlank();
  }
}
