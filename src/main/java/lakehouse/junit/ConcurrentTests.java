package lakehouse.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DynamicTest;

/**
 * Tests of a {@code @TestFactory} that start together, each on a thread of its own, and each report their own
 * outcome. For tests that share nothing but the stack and spend most of their time waiting for commits: their
 * waits overlap instead of adding up. Each test waits for its own body, so JUnit still reports them one by one.
 */
public final class ConcurrentTests {
  /** A test's body. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  private ConcurrentTests() {}

  /** @param bodies each test's body, by its display name, in the order JUnit reports them */
  public static List<DynamicTest> of(Map<String, Body> bodies) {
    ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, bodies.size()), runnable -> {
      Thread thread = new Thread(runnable, "lakehouse-concurrent-test");
      thread.setDaemon(true); // a run stopped mid-test must not wait for them
      return thread;
    });
    Map<String, Future<?>> started = new LinkedHashMap<>();
    bodies.forEach((name, body) -> started.put(name, threads.submit(() -> {
      body.run();
      return null;
    })));
    threads.shutdown();
    List<DynamicTest> tests = new ArrayList<>();
    started.forEach((name, result) -> tests.add(DynamicTest.dynamicTest(name, () -> {
      try {
        result.get();
      } catch (ExecutionException e) {
        throw e.getCause(); // the body's own assertion error or exception, as if it had run here
      }
    })));
    return tests;
  }
}
