package lakehouse.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ConcurrentTestsTest {

  @Test
  void theBodiesRunAtTheSameTimeAndEachTestReportsItsOwn() throws Throwable {
    // Each body waits for the other: run one after the other, both would time out.
    CyclicBarrier both = new CyclicBarrier(2);
    List<DynamicTest> tests = ConcurrentTests.of(List.of(
        Named.of("first", () -> both.await(10, TimeUnit.SECONDS)),
        Named.of("second", () -> both.await(10, TimeUnit.SECONDS))));

    assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("first", "second");
    for (DynamicTest test : tests) {
      test.getExecutable().execute();
    }
  }

  @Test
  void noMoreThanTheGivenNumberRunAtOnce() throws Throwable {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ConcurrentTests.Body body = () -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      release.await(10, TimeUnit.SECONDS);
      running.decrementAndGet();
    };
    List<DynamicTest> tests = ConcurrentTests.of(2, List.of(Named.of("1", body), Named.of("2", body),
        Named.of("3", body), Named.of("4", body), Named.of("5", body)));
    await("two bodies to be running").atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
    release.countDown();
    for (DynamicTest test : tests) {
      test.getExecutable().execute();
    }

    assertThat(most.get()).as("bodies running at once").isEqualTo(2);
  }

  @Test
  void aBodysFailureOrAbortIsItsTestsOwnAsThrown() {
    List<DynamicTest> tests = ConcurrentTests.of(List.of(
        Named.of("fails", () -> {
          throw new AssertionError("rows of trades expected 10 but was 9");
        }),
        Named.of("throws", () -> {
          throw new IOException("catalog did not answer");
        }),
        Named.of("aborts", () -> Assumptions.abort("the embedded stack differs here")),
        Named.of("passes", () -> { })));

    assertThatThrownBy(() -> tests.get(0).getExecutable().execute()).isExactlyInstanceOf(AssertionError.class)
        .hasMessage("rows of trades expected 10 but was 9");
    assertThatThrownBy(() -> tests.get(1).getExecutable().execute()).isExactlyInstanceOf(IOException.class);
    assertThatThrownBy(() -> tests.get(2).getExecutable().execute()).isInstanceOf(TestAbortedException.class);
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> tests.get(3).getExecutable().execute());
  }
}
