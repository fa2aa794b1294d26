package lakehouse.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildEchoTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ChildEcho echo = new ChildEcho("keep-running", 42, new PrintStream(out, true, StandardCharsets.UTF_8), 0);

  @Test
  void printsTheLatestProgressLineOfEachTickPrefixedWithTheChildsName() {
    echo.tick(List.of("[lakehouse] starting the embedded stack", "a log line", "[lakehouse] trades: 10 / 20, 1.0 s"), 1_000);

    assertThat(printed()).containsExactly("[lakehouse] [keep-running] trades: 10 / 20, 1.0 s  (+1 more in its log)");
  }

  @Test
  void aSilentChildIsReportedStillRunningEveryTwoSecondsAndNoMoreOften() {
    echo.tick(List.of("[lakehouse] trades: 10 / 20, 1.0 s"), 1_000);
    echo.tick(List.of("not a progress line"), 2_000);
    echo.tick(List.of(), 3_000);
    echo.tick(List.of(), 4_000);
    echo.tick(List.of(), 5_000);

    assertThat(printed()).containsExactly(
        "[lakehouse] [keep-running] trades: 10 / 20, 1.0 s",
        "[lakehouse] [keep-running] still running (pid 42, 3 s); last: trades: 10 / 20, 1.0 s",
        "[lakehouse] [keep-running] still running (pid 42, 5 s); last: trades: 10 / 20, 1.0 s");
  }

  private List<String> printed() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
