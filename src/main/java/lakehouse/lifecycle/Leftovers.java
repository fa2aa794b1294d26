package lakehouse.lifecycle;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds what runs whose owner is dead left behind, and removes it: their processes (child JVMs,
 * PostgreSQL servers) first, then their temporary directories, printing one line per thing. A run
 * killed with SIGKILL (or by the OOM killer) runs no shutdown hook, so this is what cleans up after
 * it: every run calls {@link #reclaim} before it starts its stack.
 *
 * <p>Only what carries an {@link Owner} token is considered, and only when that owner is dead: a live
 * run's processes and files, in this clone or another, and anything without a token (such as a
 * directory of an older version of the suite), are never touched.
 */
public final class Leftovers {
  /** A JVM asked to stop gets this long to run its shutdown hooks and stop its own stack. */
  private static final Duration JVM_GRACE = Duration.ofSeconds(30);
  /** PostgreSQL asked to stop (SIGTERM: no new connections, and its owner's are gone) gets this long. */
  private static final Duration POSTGRES_GRACE = Duration.ofSeconds(10);
  /** Stopping a JVM can free its own PostgreSQL to be reclaimed next; a few rounds reach a fixed point. */
  private static final int ROUNDS = 3;

  private final List<Path> roots;
  private final Predicate<Owner> isDead;
  private final Predicate<String> inScope;
  private final PrintStream out;
  private final List<String> reclaimed = new ArrayList<>();

  /**
   * @param isDead whose leftovers may go
   * @param inScope which command lines may be looked at at all
   */
  Leftovers(List<Path> roots, Predicate<Owner> isDead, Predicate<String> inScope, PrintStream out) {
    this.roots = roots;
    this.isDead = isDead;
    this.inScope = inScope;
    this.out = out;
  }

  /**
   * Reclaims the leftovers of dead runs in the system's temporary directory. A child JVM's own
   * {@code java.io.tmpdir} is a {@code lakehouse-child-*} directory, so its parent is searched too.
   *
   * @return one line per thing reclaimed, as printed
   */
  public static List<String> reclaim(PrintStream out) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    List<Path> roots = new ArrayList<>(List.of(tmp));
    if (tmp.getFileName() != null && tmp.getFileName().toString().startsWith("lakehouse-child-") && tmp.getParent() != null) {
      roots.add(tmp.getParent());
    }
    return new Leftovers(roots, owner -> !owner.isAlive(), line -> true, out).reclaimAll();
  }

  /**
   * After a child JVM has ended: reclaims whatever it (or its own children) left in its temporary
   * directory, though the directory's owner, this JVM, is alive. Only processes whose command line
   * names that directory are looked at, so this JVM's own stack is safe.
   */
  public static List<String> reclaimInside(Path childTmpDir, PrintStream out) {
    Owner self = Owner.current();
    String dir = childTmpDir.toAbsolutePath().toString();
    return new Leftovers(List.of(childTmpDir), owner -> owner.equals(self) || !owner.isAlive(),
        line -> line.contains(dir), out).reclaimAll();
  }

  /**
   * Stops every process whose command line names {@code dir}, such as a PostgreSQL server that came up
   * after its start was given up for failed: a directory is never deleted under a process that uses it.
   * Whoever owns them: the caller is about to delete that directory.
   */
  public static List<String> stopProcessesNaming(Path dir, PrintStream out) {
    String path = dir.toAbsolutePath().toString();
    Leftovers leftovers = new Leftovers(List.of(), owner -> true, line -> line.contains(path), out);
    List<ProcessHandle> processes = ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> commandLine(p).filter(line -> line.contains(path)).isPresent())
        .toList();
    leftovers.stopAll(processes.stream().filter(Leftovers::isJava).toList(), JVM_GRACE);
    leftovers.stopAll(processes.stream().filter(p -> p.isAlive() && !isJava(p)).toList(), POSTGRES_GRACE);
    return List.copyOf(leftovers.reclaimed);
  }

  List<String> reclaimAll() {
    for (int round = 0; round < ROUNDS; round++) {
      List<ProcessHandle> processes = deadOwnersProcesses();
      if (processes.isEmpty()) {
        break;
      }
      // JVMs first: asked to stop, they stop their own stacks, PostgreSQL included.
      stopAll(processes.stream().filter(Leftovers::isJava).toList(), JVM_GRACE);
      stopAll(processes.stream().filter(p -> p.isAlive() && !isJava(p)).toList(), POSTGRES_GRACE);
    }
    for (Path root : roots) {
      deadOwnersDirectories(root).forEach(this::delete);
    }
    return List.copyOf(reclaimed);
  }

  /** Processes whose command line names a dead owner, never this JVM or one of its ancestors. */
  private List<ProcessHandle> deadOwnersProcesses() {
    Set<Long> spared = Stream.concat(Stream.of(ProcessHandle.current()), ancestors())
        .map(ProcessHandle::pid).collect(Collectors.toSet());
    return ProcessHandle.allProcesses()
        .filter(p -> !spared.contains(p.pid()))
        .filter(p -> commandLine(p).filter(inScope).flatMap(Owner::ofCommandLine).filter(isDead).isPresent())
        .toList();
  }

  private static Stream<ProcessHandle> ancestors() {
    return Stream.iterate(ProcessHandle.current().parent(), Optional::isPresent, p -> p.get().parent()).map(Optional::get);
  }

  /** Asks each process to stop (SIGTERM), waits up to {@code grace}, then kills what is left and its descendants. */
  private void stopAll(List<ProcessHandle> processes, Duration grace) {
    for (ProcessHandle process : processes) {
      String line = commandLine(process).orElse("");
      List<ProcessHandle> descendants = process.descendants().toList();
      process.destroy();
      boolean stopped = waitForExit(process, grace);
      if (!stopped) {
        process.destroyForcibly();
        waitForExit(process, Duration.ofSeconds(5));
      }
      descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      report("stopped %s %d, owned by %s%s", describe(process, line), process.pid(),
          Owner.ofCommandLine(line).map(Owner::toString).orElse("?"), stopped ? "" : " (killed: it ignored SIGTERM)");
    }
  }

  private static boolean waitForExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    }
  }

  /**
   * {@code lakehouse-*} directories of dead owners in {@code root}. Inside a live owner's {@code
   * lakehouse-child-*} directory, one level down, a dead child's own directories are leftovers too.
   */
  private List<Path> deadOwnersDirectories(Path root) {
    List<Path> dead = new ArrayList<>();
    for (Path dir : lakehouseDirectories(root)) {
      Optional<Owner> owner = Owner.ofName(dir.getFileName().toString());
      if (owner.isEmpty()) {
        continue;
      }
      if (isDead.test(owner.get())) {
        dead.add(dir);
      } else if (dir.getFileName().toString().startsWith("lakehouse-child-")) {
        lakehouseDirectories(dir).stream()
            .filter(inner -> Owner.ofName(inner.getFileName().toString()).filter(isDead).isPresent())
            .forEach(dead::add);
      }
    }
    return dead;
  }

  private static List<Path> lakehouseDirectories(Path root) {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("lakehouse-") && Files.isDirectory(p)).toList();
    } catch (NoSuchFileException gone) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + " for leftovers of earlier runs", e);
    }
  }

  private void delete(Path dir) {
    // A PostgreSQL whose command line was unreadable is found through its postmaster.pid, and checked.
    for (Path pidFile : postmasterPidFiles(dir)) {
      stopPostmaster(pidFile);
    }
    long bytes = deleteRecursively(dir);
    report("deleted %s (%,d KiB), owned by %s", dir, bytes / 1024,
        Owner.ofName(dir.getFileName().toString()).map(Owner::toString).orElse("?"));
  }

  private static List<Path> postmasterPidFiles(Path dir) {
    try (Stream<Path> files = Files.find(dir, 4, (path, attributes) -> path.getFileName().toString().equals("postmaster.pid"))) {
      return files.toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  /** Stops the postmaster named in a {@code postmaster.pid}, but only if its command line names that data directory. */
  private void stopPostmaster(Path pidFile) {
    Path dataDir = pidFile.getParent();
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> commandLine(p).filter(line -> line.contains(dataDir.toString())).isPresent())
          .ifPresent(p -> stopAll(List.of(p), POSTGRES_GRACE));
    } catch (IOException | RuntimeException unreadable) {
      // No readable pid: nothing of ours to stop.
    }
  }

  private static long deleteRecursively(Path dir) {
    try {
      return Directories.delete(dir);
    } catch (UncheckedIOException e) {
      // Another run reclaiming the same leftovers at the same moment: what is gone is gone.
      return 0;
    }
  }

  private void report(String format, Object... args) {
    String line = "[lakehouse] reclaimed: " + String.format(format, args);
    reclaimed.add(line);
    out.println(line);
  }

  static Optional<String> commandLine(ProcessHandle process) {
    Optional<String> line = process.info().commandLine();
    if (line.isPresent()) {
      return line;
    }
    // The JDK gives no command line where it cannot resolve the executable; Linux still has the arguments.
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
      return raw.length == 0 ? Optional.empty() : Optional.of(new String(raw).replace('\0', ' ').trim());
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static boolean isJava(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
  }

  /** "JVM lakehouse.junit.SpecRunner (/tmp/lakehouse-child-…)" or "postgres (/tmp/lakehouse-embedded-…/pgdata)". */
  private static String describe(ProcessHandle process, String commandLine) {
    String[] words = commandLine.split(" ");
    String program = isJava(process) ? "JVM " + words[words.length - 1]
        : Path.of(process.info().command().orElse(words[0])).getFileName().toString();
    String path = java.util.Arrays.stream(words).filter(word -> word.contains("lakehouse-"))
        .map(word -> word.substring(word.indexOf('/') < 0 ? 0 : word.indexOf('/'))).findFirst().orElse("");
    return program + (path.isEmpty() ? "" : " (" + path + ")");
  }
}
