package lakehouse.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM that owns a temporary directory or a process, by pid and start time: a pid alone may be
 * reused after its JVM died. Everything the suite starts carries its owner's token, {@code
 * pid<pid>-t<start epoch millis>}: a directory in its name ({@code lakehouse-embedded-pid123-t1764…-…}),
 * a child JVM in {@code -Dlakehouse.owner=} and in its {@code java.io.tmpdir}, PostgreSQL in its
 * data directory's path ({@code -D …}). A later run reads the token back to tell a dead run's
 * leftovers from a live run's, which it must never touch.
 */
public record Owner(long pid, long startMillis) {
  /** The system property that marks a child JVM with its owner's token. */
  public static final String PROPERTY = "lakehouse.owner";

  /** A token as it appears in a directory name or path: {@code lakehouse-<kind>-pid<pid>-t<millis>}. */
  private static final Pattern IN_PATH = Pattern.compile("lakehouse-[a-z-]*?pid(\\d+)-t(\\d+)");
  private static final Pattern IN_PROPERTY = Pattern.compile("-D" + Pattern.quote(PROPERTY) + "=pid(\\d+)-t(\\d+)");
  /** How far two readings of the same process's start time may differ (clock ticks, rounding). */
  private static final long SAME_START_TOLERANCE_MILLIS = 1_000;

  private static final Owner CURRENT = of(ProcessHandle.current());

  /** This JVM. */
  public static Owner current() {
    return CURRENT;
  }

  static Owner of(ProcessHandle process) {
    return new Owner(process.pid(), process.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
  }

  public String token() {
    return "pid" + pid + "-t" + startMillis;
  }

  /** The system property argument that marks a child JVM as this owner's. */
  public String property() {
    return "-D" + PROPERTY + "=" + token();
  }

  /** A new temporary directory {@code lakehouse-<kind>-<token>-<random>} in {@code parent}. */
  public Path createTempDirectory(Path parent, String kind) throws IOException {
    if (!kind.matches("[a-z]+(-[a-z]+)*")) {
      throw new IllegalArgumentException("a temporary directory's kind is lower-case words joined by '-': " + kind);
    }
    return Files.createTempDirectory(parent, "lakehouse-" + kind + "-" + token() + "-");
  }

  /** A new temporary directory in {@code java.io.tmpdir}. */
  public Path createTempDirectory(String kind) throws IOException {
    return createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), kind);
  }

  /**
   * Alive means a process with this pid runs and started when this owner did. A process whose
   * start time cannot be read counts as alive: a live run's files must never be taken for a dead one's.
   */
  public boolean isAlive() {
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return false;
    }
    Optional<Instant> started = process.get().info().startInstant();
    return started.isEmpty() || startMillis == 0
        || Math.abs(started.get().toEpochMilli() - startMillis) <= SAME_START_TOLERANCE_MILLIS;
  }

  /** The owner named by a directory's name, if it carries a token. */
  public static Optional<Owner> ofName(String name) {
    Matcher m = IN_PATH.matcher(name);
    return m.find() ? Optional.of(new Owner(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) : Optional.empty();
  }

  /**
   * The owner of a process, from its command line: a child JVM's {@code -Dlakehouse.owner}, otherwise
   * the innermost (last) token in a path, such as PostgreSQL's data directory inside a child's
   * temporary directory, which the child owns.
   */
  public static Optional<Owner> ofCommandLine(String commandLine) {
    Matcher property = IN_PROPERTY.matcher(commandLine);
    if (property.find()) {
      return Optional.of(new Owner(Long.parseLong(property.group(1)), Long.parseLong(property.group(2))));
    }
    List<Owner> inPaths = new ArrayList<>();
    for (Matcher m = IN_PATH.matcher(commandLine); m.find(); ) {
      inPaths.add(new Owner(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    }
    return inPaths.isEmpty() ? Optional.empty() : Optional.of(inPaths.get(inPaths.size() - 1));
  }

  @Override
  public String toString() {
    return "pid " + pid + " started " + (startMillis == 0 ? "at an unknown time" : Instant.ofEpochMilli(startMillis));
  }
}
