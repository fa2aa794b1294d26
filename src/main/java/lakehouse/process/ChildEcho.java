package lakehouse.process;

import java.io.PrintStream;
import java.util.List;

/**
 * What the parent prints of a child JVM's progress, at most once a second and at least every two
 * seconds: the child's latest {@code [lakehouse] …} line, prefixed with its name, or, when the child
 * printed nothing new, that it is still running. The parent is never silent for long while it waits.
 */
final class ChildEcho {
  static final long TICK_MILLIS = 1_000;
  private static final String PREFIX = "[lakehouse] ";
  /** A tick may run a little early; a heartbeat is due from this long after the last line. */
  private static final long HEARTBEAT_AFTER_MILLIS = 2 * TICK_MILLIS - 100;

  private final String name;
  private final long pid;
  private final PrintStream out;
  private final long startMillis;
  private long lastPrintedMillis;
  private String lastLine = "";
  private int unprintedLines;

  ChildEcho(String name, long pid, PrintStream out, long nowMillis) {
    this.name = name;
    this.pid = pid;
    this.out = out;
    this.startMillis = nowMillis;
    this.lastPrintedMillis = nowMillis;
  }

  /** One tick: the child's output lines since the last tick. */
  void tick(List<String> newLines, long nowMillis) {
    String latest = null;
    for (String line : newLines) {
      if (line.startsWith(PREFIX)) {
        if (latest != null) {
          unprintedLines++;
        }
        latest = line.substring(PREFIX.length());
      }
    }
    if (latest != null) {
      lastLine = latest;
      print(nowMillis, latest + (unprintedLines == 0 ? "" : "  (+" + unprintedLines + " more in its log)"));
      unprintedLines = 0;
    } else if (nowMillis - lastPrintedMillis >= HEARTBEAT_AFTER_MILLIS) {
      print(nowMillis, String.format("still running (pid %d, %.0f s)%s", pid, (nowMillis - startMillis) / 1000.0,
          lastLine.isEmpty() ? "" : "; last: " + lastLine));
    }
  }

  private void print(long nowMillis, String text) {
    out.println(PREFIX + "[" + name + "] " + text);
    lastPrintedMillis = nowMillis;
  }
}
