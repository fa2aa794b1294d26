package lakehouse.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lakehouse.junit.SpecRunner;

/**
 * The spec in a second JVM, with its own temporary directory: after it ends, anything it left
 * behind (a file in that directory, a process whose command line names it) is visible.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path tmpDir;
  private final Path log;

  private ChildJvm(Process process, Path tmpDir, Path log) {
    this.process = process;
    this.tmpDir = tmpDir;
    this.log = log;
  }

  /**
   * Starts {@link SpecRunner} with these system properties; output goes to {@code <logDir>/<name>.log}.
   *
   * @param environment variables for the child, such as credentials, which must not show in a process listing
   */
  static ChildJvm runSpec(String name, Map<String, String> systemProperties, Map<String, String> environment,
      Path logDir) throws IOException {
    Path tmpDir = Files.createTempDirectory("lakehouse-child-" + name + "-");
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-Djava.io.tmpdir=" + tmpDir);
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SpecRunner.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new ChildJvm(process, tmpDir, log);
  }

  Process process() {
    return process;
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

  /**
   * Sends SIGTERM and waits for the child to exit. A child that does not exit leaves its thread dump
   * in its log (via {@code jcmd Thread.print}), so a hang during shutdown can be diagnosed.
   */
  void terminate(java.time.Duration timeout) throws IOException {
    process.destroy();
    try {
      org.awaitility.Awaitility.await("the child JVM to exit after SIGTERM").atMost(timeout)
          .pollInterval(java.time.Duration.ofMillis(100)).until(() -> !process.isAlive());
    } catch (org.awaitility.core.ConditionTimeoutException hung) {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      org.awaitility.Awaitility.await("jcmd to dump the child's threads").atMost(java.time.Duration.ofSeconds(30))
          .pollInterval(java.time.Duration.ofMillis(100)).until(() -> !dump.isAlive());
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

  /** Kills the child if still running and removes its temporary directory. */
  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    try (Stream<Path> paths = Files.walk(tmpDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
