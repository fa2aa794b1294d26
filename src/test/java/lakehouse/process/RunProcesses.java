package lakehouse.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lakehouse.lifecycle.Owner;

/**
 * The processes and temporary directories of one run, as a spec that interrupts it sees them: the
 * run's JVM and every process below it when it was signalled, and anything whose command line names
 * the run's temporary directory (PostgreSQL detaches from its starter, so only its data directory's
 * path ties it to the run).
 */
final class RunProcesses {
  private final Path tmpDir;
  private final List<Owner> recorded;

  private RunProcesses(Path tmpDir, List<Owner> recorded) {
    this.tmpDir = tmpDir;
    this.recorded = recorded;
  }

  /** The run rooted at {@code root}, as it is now. */
  static RunProcesses of(ProcessHandle root, Path tmpDir) {
    List<Owner> processes = Stream.concat(Stream.of(root), root.descendants())
        .map(p -> new Owner(p.pid(), p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L)))
        .toList();
    return new RunProcesses(tmpDir, processes);
  }

  List<ProcessHandle> recordedJvms() {
    return recorded.stream().map(owner -> ProcessHandle.of(owner.pid()))
        .flatMap(Optional::stream)
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .toList();
  }

  /** Live processes of the run, one line each: pid and command. */
  List<String> alive() {
    List<String> alive = new ArrayList<>();
    for (Owner process : recorded) {
      if (process.isAlive()) {
        alive.add(describe(ProcessHandle.of(process.pid()).orElseThrow()));
      }
    }
    String dir = tmpDir.toString();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(line -> line.contains(dir)).orElse(false))
        .filter(p -> recorded.stream().noneMatch(r -> r.pid() == p.pid()))
        .forEach(p -> alive.add(describe(p)));
    return alive;
  }

  /** Live JVMs of the run. */
  List<String> aliveJvms() {
    return alive().stream().filter(line -> line.split(" ")[1].equals("java")).toList();
  }

  /** {@code lakehouse-*} directories left in the run's temporary directory. */
  List<Path> leftoverDirectories() throws IOException {
    if (!Files.exists(tmpDir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(tmpDir)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("lakehouse-")).toList();
    }
  }

  /** Every file left in the run's temporary directory. */
  List<Path> leftoverFiles() throws IOException {
    if (!Files.exists(tmpDir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(tmpDir)) {
      return entries.toList();
    }
  }

  /** "4242 java -Djava.io.tmpdir=/tmp/lakehouse-child-…": the program and the first argument that names a run. */
  private static String describe(ProcessHandle process) {
    String command = process.info().command().orElse("?");
    String line = process.info().commandLine().orElse(command);
    String mark = java.util.Arrays.stream(line.split(" ")).filter(word -> word.contains("lakehouse-")).findFirst().orElse("");
    return process.pid() + " " + Path.of(command).getFileName() + " " + mark;
  }
}
