package lakehouse.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

class ConcurrentTestsTest {

  @Test
  void theBodiesRunAtTheSameTimeAndEachTestReportsItsOwn() throws Throwable {
    // Each body waits for the other: run one after the other, both would time out.
    CyclicBarrier both = new CyclicBarrier(2);
    Map<String, ConcurrentTests.Body> bodies = new LinkedHashMap<>();
    bodies.put("first", () -> both.await(10, TimeUnit.SECONDS));
    bodies.put("second", () -> both.await(10, TimeUnit.SECONDS));

    List<DynamicTest> tests = ConcurrentTests.of(bodies);

    assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("first", "second");
    for (DynamicTest test : tests) {
      test.getExecutable().execute();
    }
  }

  @Test
  void aBodysFailureIsItsTestsOwnAsThrown() {
    Map<String, ConcurrentTests.Body> bodies = new LinkedHashMap<>();
    bodies.put("fails", () -> {
      throw new AssertionError("rows of trades expected 10 but was 9");
    });
    bodies.put("throws", () -> {
      throw new IOException("catalog did not answer");
    });
    bodies.put("passes", () -> { });

    List<DynamicTest> tests = ConcurrentTests.of(bodies);

    assertThatThrownBy(() -> tests.get(0).getExecutable().execute()).isExactlyInstanceOf(AssertionError.class)
        .hasMessage("rows of trades expected 10 but was 9");
    assertThatThrownBy(() -> tests.get(1).getExecutable().execute()).isExactlyInstanceOf(IOException.class);
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> tests.get(2).getExecutable().execute());
  }
}
