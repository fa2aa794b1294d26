package lakehouse.lifecycle;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another program's {@code main} in a child JVM that exits when its parent goes away
 * ({@link ParentWatch}), such as Kafka's {@code ProducerPerformance} in the benchmark:
 * {@code java … lakehouse.lifecycle.ChildMain org.apache.kafka.tools.ProducerPerformance --topic …}.
 */
public final class ChildMain {
  private ChildMain() {}

  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: ChildMain <main class> [arguments…]");
    }
    ParentWatch.startIfChild();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
