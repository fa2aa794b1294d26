package lakehouse.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import lakehouse.junit.LakehouseSpec;
import lakehouse.lifecycle.Directories;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An interrupted run leaves no java or postgres process and no {@code lakehouse-*} temporary
 * directory behind, 60 s later at the most, whatever the moment and whatever the signal. Each case
 * runs the suite in a child JVM that leads a process group of its own, as a build started from a
 * terminal does, waits for a line that marks the moment, sends the signal, and looks for leftovers.
 *
 * <p>A normal run proves four cases, each moment once and each signal at least once;
 * {@code -Dlakehouse.interrupts=all} (the {@code interrupts} Maven profile) proves all twelve.
 * PostgreSQL runs detached from the JVM that starts it (pg_ctl puts it in a session of its own), so no
 * signal to the JVMs reaches it: the JVM's shutdown hook stops it, or, after SIGKILL, the next run.
 */
@LakehouseSpec
@Order(102)
class InterruptSpec {
  /** {@code four} (the default) or {@code all}: which cases run. */
  static final String CASES = "lakehouse.interrupts";
  private static final Duration TO_REACH_THE_MOMENT = Duration.ofMinutes(3);
  private static final Duration NOTHING_LEFT_WITHIN = Duration.ofSeconds(60);
  private static final String TRADES = "2000";

  /** Where in a run the signal lands, the spec classes the run's JVM runs, and the line that marks the moment. */
  enum Moment {
    DURING_START_UP(List.of("lakehouse.spec.IngestSpec", "lakehouse.spec.SnapshotSpec"),
        run -> run.output().contains(" up in ")),
    RIGHT_AFTER_THE_STACK_IS_UP(List.of("lakehouse.spec.IngestSpec", "lakehouse.spec.SnapshotSpec"),
        run -> run.output().contains("[lakehouse] embedded: ")),
    WHILE_A_CHILD_JVM_SPEC_STARTS(List.of("lakehouse.process.ExternalStackSpec"),
        run -> run.output().contains("[lakehouse] started the child JVM external")),
    WHILE_A_CHILD_JVM_RUNS(List.of("lakehouse.process.KeepRunningSpec"),
        run -> grandchildOutput(run, "keep-running").contains("[lakehouse] embedded: "));

    final List<String> specClasses;
    final Reached reached;

    Moment(List<String> specClasses, Reached reached) {
      this.specClasses = specClasses;
      this.reached = reached;
    }
  }

  interface Reached {
    boolean test(Run run) throws IOException;
  }

  /** The run's JVM and where it reports. */
  record Run(ChildJvm jvm, Path reportDir) {
    String output() throws IOException {
      return jvm.output();
    }
  }

  enum Signal {
    /** What a CI cancel or an IDE stop sends: SIGTERM to every JVM of the build. */
    SIGTERM_TO_THE_JVMS("sigterm"),
    /** What a terminal sends on Ctrl-C: SIGINT to the whole foreground process group. */
    SIGINT_TO_THE_PROCESS_GROUP("sigint"),
    /** No hook runs: the run's JVM is gone at once; its children notice, and the next run's start reclaims the rest. */
    SIGKILL_THEN_THE_NEXT_RUN_STARTS("sigkill");

    final String shortName;

    Signal(String shortName) {
      this.shortName = shortName;
    }
  }

  static Stream<Arguments> cases() {
    String which = Settings.fromJvm().string(CASES, "four");
    if (!which.equals("four") && !which.equals("all")) {
      throw new IllegalArgumentException(CASES + "=" + which + " is neither four nor all; set -D" + CASES
          + "=all (every moment with every signal) or leave it unset");
    }
    if (which.equals("all")) {
      return Stream.of(Moment.values()).flatMap(moment -> Stream.of(Signal.values()).map(signal -> Arguments.of(moment, signal)));
    }
    return Stream.of(
        Arguments.of(Moment.DURING_START_UP, Signal.SIGINT_TO_THE_PROCESS_GROUP),
        Arguments.of(Moment.RIGHT_AFTER_THE_STACK_IS_UP, Signal.SIGKILL_THEN_THE_NEXT_RUN_STARTS),
        Arguments.of(Moment.WHILE_A_CHILD_JVM_SPEC_STARTS, Signal.SIGTERM_TO_THE_JVMS),
        Arguments.of(Moment.WHILE_A_CHILD_JVM_RUNS, Signal.SIGINT_TO_THE_PROCESS_GROUP));
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("cases")
  void anInterruptLeavesNoProcessAndNoTemporaryDirectory(Moment moment, Signal signal, RunSettings settings)
      throws Exception {
    boolean ownGroup = ChildJvm.canLeadProcessGroup();
    assumeTrue(ownGroup || signal != Signal.SIGINT_TO_THE_PROCESS_GROUP,
        "a run in a process group of its own needs setsid(1), which this machine lacks");
    String name = signal.shortName + "-" + moment.name().toLowerCase(Locale.ROOT).replace('_', '-');
    Path reportDir = settings.reportDir().resolve("interrupt").resolve(name);
    // A marker line left in a log by an earlier run must not pass for this run's moment.
    Directories.delete(reportDir);
    ChildSettings child = new ChildSettings(settings, "embedded", reportDir).with(RunSettings.TRADES, TRADES);

    try (ChildJvm jvm = ChildJvm.runSpec(name, child.systemProperties, child.environment, reportDir,
        new ChildJvm.Options(moment.specClasses, ownGroup))) {
      Run run = new Run(jvm, reportDir);
      await("the run to reach the moment: " + moment).atMost(TO_REACH_THE_MOMENT).pollInterval(Duration.ofMillis(20))
          .until(() -> moment.reached.test(run) || !jvm.isAlive());
      assertThat(jvm.isAlive()).as("the run is still going at the moment %s; %s", moment, jvm.logs()).isTrue();
      assumeTrue(signal != Signal.SIGINT_TO_THE_PROCESS_GROUP || !ignoresSigint(jvm.pid()),
          "this build's JVMs ignore SIGINT (inherited from a shell that started it in the background), so a Ctrl-C"
              + " could not reach the run either");
      RunProcesses processes = RunProcesses.of(jvm.process().toHandle(), jvm.tmpDir());
      System.out.printf("[lakehouse] interrupt: %s %s (processes: %d)%n", signal, moment, processes.alive().size());

      switch (signal) {
        case SIGTERM_TO_THE_JVMS -> processes.recordedJvms().forEach(ProcessHandle::destroy);
        case SIGINT_TO_THE_PROCESS_GROUP -> sigintToGroup(jvm.pid());
        case SIGKILL_THEN_THE_NEXT_RUN_STARTS -> jvm.process().destroyForcibly();
      }

      if (signal == Signal.SIGKILL_THEN_THE_NEXT_RUN_STARTS) {
        awaitNone("JVMs of the killed run (its children exit by themselves)", processes::aliveJvms,
            () -> dumpThreads(processes, reportDir));
        int leftBehind = processes.alive().size() + processes.leftoverDirectories().size();
        List<String> reclaimed = startTheNextRun(settings, name);
        if (leftBehind > 0) {
          assertThat(reclaimed).as("what the next run's start reclaimed of the %d things the killed run left", leftBehind)
              .isNotEmpty();
        }
      }
      awaitNone("processes of the run", processes::alive, () -> dumpThreads(processes, reportDir));
      awaitNone("lakehouse-* directories in the run's temporary directory", processes::leftoverDirectories, () -> "");
      if (signal != Signal.SIGKILL_THEN_THE_NEXT_RUN_STARTS) {
        assertThat(processes.leftoverFiles()).as("files in the run's temporary directory; %s", jvm.logs()).isEmpty();
      }
    }
  }

  /** A run that starts after the killed one: its start reclaims whatever the killed run left. Returns those lines. */
  private static List<String> startTheNextRun(RunSettings settings, String killed) throws Exception {
    Path reportDir = settings.reportDir().resolve("interrupt").resolve(killed + "-next-run");
    Directories.delete(reportDir);
    ChildSettings child = new ChildSettings(settings, "embedded", reportDir).with(RunSettings.TRADES, TRADES);
    try (ChildJvm next = ChildJvm.runSpec("next-run", child.systemProperties, child.environment, reportDir,
        new ChildJvm.Options(List.of(RunStartProbe.class.getName()), false))) {
      await("the next run to start and end").atMost(TO_REACH_THE_MOMENT).pollInterval(Duration.ofMillis(100))
          .until(() -> !next.isAlive());
      assertThat(next.process().exitValue()).as("the next run's exit status; %s", next.logs()).isZero();
      return next.output().lines().filter(line -> line.contains("[lakehouse] reclaimed: ")).toList();
    }
  }

  /**
   * A process started with SIGINT ignored keeps it ignored, and so does a JVM (it then installs no handler):
   * its {@code SigIgn} mask in {@code /proc/<pid>/status} says so. Where there is no /proc, it is taken not to.
   */
  static boolean ignoresSigint(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.exists(status)) {
      return false;
    }
    return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
        .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16))
        .anyMatch(mask -> (mask & (1L << (2 - 1))) != 0);
  }

  private static void sigintToGroup(long processGroup) throws Exception {
    Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + processGroup).redirectErrorStream(true).start();
    String output = new String(kill.getInputStream().readAllBytes());
    assertThat(kill.waitFor()).as("kill -INT -%d: %s", processGroup, output).isZero();
  }

  private interface Leftovers<T> {
    List<T> now() throws IOException;
  }

  private static <T> void awaitNone(String what, Leftovers<T> leftovers, Evidence evidence) throws Exception {
    List<T> last = new ArrayList<>();
    try {
      await("no " + what + " left").atMost(NOTHING_LEFT_WITHIN).pollInterval(Duration.ofMillis(200))
          .until(() -> {
            last.clear();
            last.addAll(leftovers.now());
            return last.isEmpty();
          });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(what + " still there " + NOTHING_LEFT_WITHIN.toSeconds() + " s after the signal: " + last
          + evidence.collect(), e);
    }
  }

  private interface Evidence {
    String collect() throws Exception;
  }

  /** A JVM that does not exit has its threads dumped beside the run's report, so the hang can be read. */
  private static String dumpThreads(RunProcesses processes, Path reportDir) throws Exception {
    StringBuilder files = new StringBuilder();
    for (ProcessHandle jvm : processes.recordedJvms()) {
      if (!jvm.isAlive()) {
        continue;
      }
      Path dump = reportDir.resolve("threads-" + jvm.pid() + ".txt");
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(jvm.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile()).start();
      jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      files.append(files.length() == 0 ? "; thread dumps: " : ", ").append(dump);
    }
    return files.toString();
  }


  static String grandchildOutput(Run run, String name) throws IOException {
    Path log = run.reportDir().resolve(name).resolve(name + ".log");
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
