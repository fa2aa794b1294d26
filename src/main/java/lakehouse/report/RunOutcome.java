package lakehouse.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Whether the run passed: per spec class, how many tests passed, failed and were skipped, and for
 * each failure its spec, message and the log to read. {@code running} until the JUnit run ends,
 * {@code interrupted} when a signal ended it first, then {@code passed} or {@code failed}.
 */
public final class RunOutcome {
  static final int LONGEST_MESSAGE = 1_000;

  private enum State { RUNNING, FINISHED, INTERRUPTED }

  private final Map<String, int[]> bySpec = new LinkedHashMap<>();
  private final List<Map<String, Object>> failures = new ArrayList<>();
  private State state = State.RUNNING;
  private String preflightFailure;
  private Path logs;

  public synchronized void passed(String spec) {
    counts(spec)[0]++;
  }

  public synchronized void skipped(String spec, int tests) {
    counts(spec)[2] += tests;
  }

  /** A failed test; {@code log} is the file to read first, or null for the stack's log. */
  public synchronized void failed(String spec, String test, Throwable cause, Path log) {
    counts(spec)[1]++;
    Map<String, Object> failure = new LinkedHashMap<>();
    failure.put("spec", spec);
    failure.put("test", test);
    failure.put("message", message(cause));
    failure.put("log", log == null ? null : log.toString());
    failures.add(failure);
  }

  /** The run stopped before any stack started; the message names what to fix. */
  public synchronized void preflightFailed(String message) {
    preflightFailure = message;
    Map<String, Object> failure = new LinkedHashMap<>();
    failure.put("spec", "preflight");
    failure.put("test", null);
    failure.put("message", message);
    failure.put("log", "the console: the preflight's message is the whole story");
    failures.add(failure);
  }

  public synchronized boolean preflightPassed() {
    return preflightFailure == null;
  }

  /** Where the stack wrote its server logs after a failure; failures without a log of their own point there. */
  public synchronized void stackLogs(Path dir) {
    logs = dir;
  }

  public synchronized void finished() {
    if (state == State.RUNNING) {
      state = State.FINISHED;
    }
  }

  public synchronized void interrupted() {
    if (state == State.RUNNING) {
      state = State.INTERRUPTED;
    }
  }

  public synchronized String outcome() {
    return switch (state) {
      case RUNNING -> "running";
      case INTERRUPTED -> "interrupted";
      case FINISHED -> failures.isEmpty() ? "passed" : "failed";
    };
  }

  /** Whether a test failed (a failed preflight ran no test). */
  public synchronized boolean anyTestFailed() {
    return failures.size() > (preflightFailure == null ? 0 : 1);
  }

  /** {@code passed}, {@code failed}, {@code skipped} over every spec class. */
  public synchronized Map<String, Integer> totals() {
    int[] sum = new int[3];
    bySpec.values().forEach(c -> {
      for (int i = 0; i < 3; i++) {
        sum[i] += c[i];
      }
    });
    return counted(sum);
  }

  /** The run.json keys: {@code outcome}, {@code preflight_failure} (if any), {@code tests}, {@code totals}, {@code failures}. */
  public synchronized Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("outcome", outcome());
    if (preflightFailure != null) {
      map.put("preflight_failure", preflightFailure);
    }
    Map<String, Object> tests = new LinkedHashMap<>();
    bySpec.forEach((spec, counts) -> tests.put(spec, counted(counts)));
    map.put("tests", tests);
    map.put("totals", totals());
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Map<String, Object> failure : failures) {
      Map<String, Object> copy = new LinkedHashMap<>(failure);
      if (copy.get("log") == null) {
        copy.put("log", (logs != null ? logs : stackLog()).toString());
      }
      listed.add(copy);
    }
    map.put("failures", listed);
    return map;
  }

  private int[] counts(String spec) {
    return bySpec.computeIfAbsent(spec, key -> new int[3]);
  }

  private static Map<String, Integer> counted(int[] counts) {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("passed", counts[0]);
    map.put("failed", counts[1]);
    map.put("skipped", counts[2]);
    return map;
  }

  static String message(Throwable cause) {
    String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return message.length() > LONGEST_MESSAGE ? message.substring(0, LONGEST_MESSAGE) + "… (the whole message is in the test report)" : message;
  }

  /** Where the stack components log (slf4j-simple's logFile: the system property, else simplelogger.properties). */
  static Path stackLog() {
    String file = System.getProperty("org.slf4j.simpleLogger.logFile");
    if (file == null) {
      try (InputStream in = RunOutcome.class.getResourceAsStream("/simplelogger.properties")) {
        Properties properties = new Properties();
        if (in != null) {
          properties.load(in);
        }
        file = properties.getProperty("org.slf4j.simpleLogger.logFile", "target/lakehouse-stack.log");
      } catch (IOException e) {
        file = "target/lakehouse-stack.log";
      }
    }
    return Path.of(file);
  }
}
