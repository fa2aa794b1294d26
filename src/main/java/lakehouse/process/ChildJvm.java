package lakehouse.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lakehouse.junit.SpecRunner;
import lakehouse.lifecycle.ChildProcesses;
import lakehouse.lifecycle.Directories;
import lakehouse.lifecycle.Owner;
import lakehouse.lifecycle.StackLog;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The spec in a second JVM, with its own temporary directory: after it ends, anything it left
 * behind (a file in that directory, a process whose command line names it) is visible. The child
 * exits when this JVM goes away ({@link lakehouse.lifecycle.ParentWatch}), this JVM's shutdown hook
 * stops it, and while it runs its progress lines are echoed here, prefixed with its name.
 */
final class ChildJvm implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path tmpDir;
  private final Path log;
  private final Path stackLog;
  private final ScheduledExecutorService echo;
  private long echoed;
  private String partialLine = "";

  private ChildJvm(String name, Process process, Path tmpDir, Path log, Path stackLog) {
    this.name = name;
    this.process = process;
    this.tmpDir = tmpDir;
    this.log = log;
    this.stackLog = stackLog;
    ChildEcho progress = new ChildEcho(name, process.pid(), System.out, System.currentTimeMillis());
    this.echo = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "lakehouse-echo-" + name);
      thread.setDaemon(true);
      return thread;
    });
    echo.scheduleWithFixedDelay(() -> progress.tick(newLines(), System.currentTimeMillis()),
        ChildEcho.TICK_MILLIS, ChildEcho.TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** How a child is started. */
  record Options(List<String> specClasses, boolean ownProcessGroup) {
    /** The round-trip spec ({@code lakehouse.spec}), in this JVM's process group. */
    static final Options ROUND_TRIP = new Options(List.of(), false);
  }

  /** Whether a child can lead a process group of its own here: that takes setsid(1), which Linux has and macOS lacks. */
  static boolean canLeadProcessGroup() {
    String path = System.getenv().getOrDefault("PATH", "");
    return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "setsid")));
  }

  /**
   * Starts {@link SpecRunner} with these system properties; its output goes to {@code <logDir>/<name>.log},
   * its stack log to {@code <logDir>/lakehouse-stack.log}.
   *
   * @param environment variables for the child, such as credentials, which must not show in a process listing
   */
  static ChildJvm runSpec(String name, Map<String, String> systemProperties, Map<String, String> environment,
      Path logDir) throws IOException {
    return runSpec(name, systemProperties, environment, logDir, Options.ROUND_TRIP);
  }

  /** As above; {@code options} choose the spec classes and whether the child leads a process group of its own. */
  static ChildJvm runSpec(String name, Map<String, String> systemProperties, Map<String, String> environment,
      Path logDir, Options options) throws IOException {
    Files.createDirectories(logDir);
    Path tmpDir = Owner.current().createTempDirectory("child-" + name);
    Path log = logDir.resolve(name + ".log");
    Path stackLog = logDir.resolve(StackLog.FILE_NAME).toAbsolutePath();
    List<String> command = new ArrayList<>();
    if (options.ownProcessGroup()) {
      // setsid(1) makes the child a process group (and session) leader, as a terminal makes a build: a
      // SIGINT to that group reaches the child and its own children, as Ctrl-C would.
      command.add("setsid");
    }
    command.addAll(ChildProcesses.javaCommand());
    command.add("-Xmx1g");
    // A child lives for seconds and is mostly start-up: C2's compiler threads took CPU its stack needed (measured:
    // the four process specs ~10 s faster on 2 cores). The spec JVM keeps C2: C1 only made it slower.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.io.tmpdir=" + tmpDir);
    command.add("-D" + StackLog.LOG_FILE_PROPERTY + "=" + stackLog);
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SpecRunner.class.getName());
    command.addAll(options.specClasses());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    try {
      Process process = ChildProcesses.start("the child JVM '" + name + "'", builder, tmpDir);
      System.out.println("[lakehouse] started the child JVM " + name + " (pid " + process.pid() + "); its output: " + log);
      return new ChildJvm(name, process, tmpDir, log, stackLog);
    } catch (IOException | RuntimeException e) {
      Directories.delete(tmpDir);
      throw e;
    }
  }

  Process process() {
    return process;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path tmpDir() {
    return tmpDir;
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  /** For a failure message: where the child's console output and its stack log are. */
  String logs() {
    return "the child's output is in " + log + ", its stack log in " + stackLog;
  }

  /**
   * Sends SIGTERM and waits for the child to exit. A child that does not exit leaves its thread dump
   * in its log (via {@code jcmd Thread.print}), so a hang during shutdown can be diagnosed.
   */
  void terminate(Duration timeout) throws IOException {
    process.destroy();
    try {
      Awaitility.await("the child JVM " + name + " to exit after SIGTERM").atMost(timeout)
          .pollInterval(Duration.ofMillis(100)).until(() -> !process.isAlive());
    } catch (ConditionTimeoutException hung) {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      Awaitility.await("jcmd to dump the child's threads").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100)).until(() -> !dump.isAlive());
      throw new AssertionError("the child JVM did not exit within " + timeout + " of SIGTERM; its thread dump is in " + log, hung);
    }
  }

  /** What the child left in its temporary directory. */
  List<Path> leftoverFiles() throws IOException {
    try (Stream<Path> files = Files.list(tmpDir)) {
      return files.toList();
    }
  }

  /** Processes still alive whose command line names the child's temporary directory, such as a PostgreSQL server. */
  List<String> leftoverProcesses() {
    String dir = tmpDir.toString();
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .filter(line -> line.contains(dir))
        .toList();
  }

  /** The child's output lines that appeared since the last call. */
  private synchronized List<String> newLines() {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      if (file.length() <= echoed) {
        return List.of();
      }
      byte[] bytes = new byte[(int) Math.min(file.length() - echoed, 1 << 20)];
      file.seek(echoed);
      file.readFully(bytes);
      echoed += bytes.length;
      String text = partialLine + new String(bytes, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      partialLine = text.substring(end + 1);
      return end < 0 ? List.of() : text.substring(0, end).lines().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Stops the child if it still runs (SIGTERM first, so its hooks stop its stack; SIGKILL only if it
   * hangs), reclaims whatever it left (a PostgreSQL server, directories) and removes its temporary directory.
   */
  @Override
  public void close() {
    echo.shutdownNow();
    ChildProcesses.release(process);
  }

}
