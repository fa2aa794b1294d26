package lakehouse.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JVMs: a parent starts a child through {@link ChildProcesses}, the parent is killed with
 * SIGKILL, and the child notices by itself and exits. Prints how long that took.
 */
class ParentWatchTest {

  @Test
  void aChildJvmExitsWhenItsParentIsKilled(@TempDir Path dir) throws Exception {
    Path childOutput = dir.resolve("child.log");
    Process parent = new ProcessBuilder(java(Parent.class.getName(), childOutput.toString()))
        .redirectErrorStream(true).start();
    ProcessHandle child = null;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      String started = lines.readLine();
      assertThat(started).as("the parent's first line").startsWith("child ");
      child = ProcessHandle.of(Long.parseLong(started.substring("child ".length()))).orElseThrow();
      ProcessHandle watched = child;
      await("the child to watch its parent").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
          .until(() -> Files.exists(childOutput) && Files.readString(childOutput).contains("watching"));

      long killed = System.nanoTime();
      parent.destroyForcibly();
      await("the child JVM to exit after its parent was killed").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(5)).until(() -> !watched.isAlive());
      System.out.printf("child JVM exited %d ms after its parent's SIGKILL%n", (System.nanoTime() - killed) / 1_000_000);

      assertThat(Files.readString(childOutput)).contains("went away (its end of this JVM's stdin pipe closed)");
    } finally {
      parent.destroyForcibly();
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void onceShutdownBeginsAWaitEndsAndNothingStartsBothSayingInterrupted() throws Exception {
    Process probe = new ProcessBuilder(java(ShutdownProbe.class.getName())).redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(probe.waitFor()).as("exit status; output:%n%s", output).isZero();
    assertThat(output).contains("wait ended: interrupted: the run is shutting down",
        "start refused: interrupted: a probe ended; a child JVM is not started");
  }

  @Test
  void theJvmIsExitingOnlyOnceItsShutdownHooksRun() throws Exception {
    Process probe = new ProcessBuilder(java(ExitProbe.class.getName())).redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(probe.waitFor()).as("exit status; output:%n%s", output).isZero();
    assertThat(output).contains("in main: exiting=false", "in a shutdown hook: exiting=true");
  }

  private static List<String> java(String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  /** Starts a child that only waits, prints its pid, and waits too. */
  public static final class Parent {
    public static void main(String[] args) throws Exception {
      List<String> command = ChildProcesses.javaCommand();
      command.addAll(List.of("-Xmx64m", "-cp", System.getProperty("java.class.path"), ChildMain.class.getName(),
          Waiting.class.getName()));
      Process child = ChildProcesses.start("a waiting child",
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Path.of(args[0]).toFile()), null);
      System.out.println("child " + child.pid());
      new CountDownLatch(1).await();
    }
  }

  public static final class Waiting {
    public static void main(String[] args) throws Exception {
      System.out.println("watching");
      new CountDownLatch(1).await();
    }
  }

  /** Asks whether the JVM is exiting from main, then from a shutdown hook. */
  public static final class ExitProbe {
    public static void main(String[] args) {
      System.out.println("in main: exiting=" + Shutdown.jvmExiting());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("in a shutdown hook: exiting="
          + Shutdown.jvmExiting())));
    }
  }

  /** Begins shutdown while a wait runs, then asks to start something. */
  public static final class ShutdownProbe {
    public static void main(String[] args) {
      Shutdown.install();
      try {
        await("something that never happens").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
            .until(() -> {
              Shutdown.begin("a probe ended");
              return false;
            });
      } catch (Throwable e) {
        System.out.println("wait ended: " + e.getMessage());
      }
      try {
        Shutdown.check("a child JVM");
      } catch (Shutdown.RunInterruptedException e) {
        System.out.println("start refused: " + e.getMessage());
      }
    }
  }
}
