package lakehouse.pipeline;

import java.util.concurrent.Callable;

/**
 * A pipeline stage that runs at most once per JVM. A stage that failed fails again, with the
 * original cause, instead of running (and waiting) a second time for every later spec.
 */
final class Once<T> {
  private final String stage;
  private final Callable<T> work;
  private T result;
  private Exception failure;
  private boolean done;

  Once(String stage, Callable<T> work) {
    this.stage = stage;
    this.work = work;
  }

  synchronized T get() throws Exception {
    if (!done) {
      done = true;
      try {
        result = work.call();
      } catch (Exception | AssertionError e) {
        failure = e instanceof Exception ex ? ex : new IllegalStateException(e.getMessage(), e);
      }
    }
    if (failure != null) {
      throw new IllegalStateException("stage '" + stage + "' failed: " + failure.getMessage(), failure);
    }
    return result;
  }
}
