package lakehouse.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;

/**
 * Tests of a {@code @TestFactory} that start together, a few or each on a thread of its own, and each report
 * their own outcome. For tests that share nothing but the stack and spend most of their time waiting for commits:
 * their waits overlap instead of adding up. Each test waits for its own body, so JUnit still reports them one by
 * one, with the body's own assertion error, exception or aborted assumption.
 */
public final class ConcurrentTests {
  /** A test's body. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  private ConcurrentTests() {}

  /** Every body on a thread of its own. @param bodies each test's body and display name, in the order JUnit reports them */
  public static List<DynamicTest> of(List<Named<Body>> bodies) {
    return of(bodies.size(), bodies);
  }

  /** At most {@code threads} bodies at a time, started in the order given. */
  public static List<DynamicTest> of(int threads, List<Named<Body>> bodies) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, bodies.size())), runnable -> {
      Thread thread = new Thread(runnable, "lakehouse-concurrent-test");
      thread.setDaemon(true); // a run stopped mid-test must not wait for them
      return thread;
    });
    List<DynamicTest> tests = new ArrayList<>();
    for (Named<Body> body : bodies) {
      Future<?> result = pool.submit(() -> {
        body.getPayload().run();
        return null;
      });
      tests.add(DynamicTest.dynamicTest(body.getName(), () -> {
        try {
          result.get();
        } catch (ExecutionException e) {
          throw e.getCause(); // the body's own assertion error or exception, as if it had run here
        }
      }));
    }
    pool.shutdown();
    return tests;
  }
}
