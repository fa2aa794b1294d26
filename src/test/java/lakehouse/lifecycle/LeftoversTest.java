package lakehouse.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes and directories: a dead owner's go, a live owner's and unmarked ones stay. */
class LeftoversTest {
  private final List<Process> started = new ArrayList<>();

  @TempDir
  Path tmp;

  @AfterEach
  void stopWhatIsLeft() {
    started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void reclaimsADeadRunsProcessesAndDirectoriesAndNothingOfALiveRun() throws Exception {
    Owner dead = deadOwner();
    Owner live = Owner.current();
    Path deadStack = Files.createDirectories(tmp.resolve("lakehouse-embedded-" + dead.token() + "-1/pgdata"));
    Files.writeString(deadStack.resolve("PG_VERSION"), "14");
    Path liveStack = Files.createDirectories(tmp.resolve("lakehouse-embedded-" + live.token() + "-2"));
    Path unmarked = Files.createDirectories(tmp.resolve("lakehouse-embedded-8812734"));
    Path liveChild = Files.createDirectories(tmp.resolve("lakehouse-child-keep-running-" + live.token() + "-3"));
    Path deadChildsStack = Files.createDirectories(liveChild.resolve("lakehouse-embedded-" + dead.token() + "-4"));
    Process deadRunsServer = server(deadStack);
    Process liveRunsServer = server(liveStack);
    Process unmarkedServer = server(unmarked);

    List<String> lines = reclaim();

    assertThat(deadRunsServer.isAlive()).as("the dead run's server").isFalse();
    assertThat(liveRunsServer.isAlive()).as("the live run's server").isTrue();
    assertThat(unmarkedServer.isAlive()).as("a server with no owner token").isTrue();
    assertThat(deadStack.getParent()).doesNotExist();
    assertThat(deadChildsStack).doesNotExist();
    assertThat(liveStack).exists();
    assertThat(unmarked).exists();
    assertThat(liveChild).exists();
    assertThat(lines).hasSize(3).allMatch(line -> line.startsWith("[lakehouse] reclaimed: ") && line.contains(dead.toString()));
  }

  @Test
  void aPostmasterPidFileIsTrustedOnlyWhenThatProcessNamesTheDataDirectory(@TempDir Path elsewhere) throws Exception {
    Path pgdata = Files.createDirectories(tmp.resolve("lakehouse-embedded-" + deadOwner().token() + "-1/pgdata"));
    Process unrelated = server(elsewhere);
    Files.writeString(pgdata.resolve("postmaster.pid"), unrelated.pid() + "\n" + pgdata + "\n");

    reclaim();

    assertThat(unrelated.isAlive()).as("a process whose pid a stale postmaster.pid names").isTrue();
    assertThat(pgdata.getParent()).doesNotExist();
  }

  private List<String> reclaim() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> lines = new Leftovers(List.of(tmp), owner -> !owner.isAlive(), line -> line.contains(tmp.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8)).reclaimAll();
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(lines);
    return lines;
  }

  /** A process that ran and exited: its pid and start time name an owner that is dead. */
  private static Owner deadOwner() throws Exception {
    Process process = new ProcessBuilder("true").start();
    Owner owner = Owner.of(process.toHandle());
    process.waitFor();
    return owner;
  }

  /** A long-running process whose command line names {@code dir}, as PostgreSQL's names its data directory. */
  private Process server(Path dir) throws Exception {
    Process process = new ProcessBuilder("sh", "-c", "sleep 600; :", dir.toString()).start();
    started.add(process);
    return process;
  }
}
