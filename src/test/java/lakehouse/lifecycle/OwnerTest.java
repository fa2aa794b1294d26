package lakehouse.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerTest {

  @Test
  void aDirectoryNamedAfterThisJvmNamesThisJvmAsItsOwner(@TempDir Path parent) throws Exception {
    Path dir = Owner.current().createTempDirectory(parent, "child-keep-running");

    assertThat(dir.getFileName().toString()).startsWith("lakehouse-child-keep-running-" + Owner.current().token() + "-");
    assertThat(Owner.ofName(dir.getFileName().toString())).contains(Owner.current());
    assertThat(Owner.current().isAlive()).isTrue();
  }

  @Test
  void aProcessIsOwnedByItsOwnerPropertyOrElseByTheInnermostDirectoryOfItsPaths() {
    String postgres = "/x/bin/postgres -D /tmp/lakehouse-child-external-pid10-t1000-5/lakehouse-embedded-pid20-t2000-6/pgdata -p 5432";
    String childJvm = "/usr/bin/java -Dlakehouse.owner=pid30-t3000 -Djava.io.tmpdir=/tmp/lakehouse-child-x-pid30-t3000-1 -cp a.jar Main";

    assertThat(Owner.ofCommandLine(postgres)).contains(new Owner(20, 2000));
    assertThat(Owner.ofCommandLine(childJvm)).contains(new Owner(30, 3000));
    assertThat(Owner.ofCommandLine("/usr/bin/postgres -D /tmp/lakehouse-embedded-123/pgdata")).isEmpty();
    assertThat(Owner.ofName("lakehouse-embedded-8812734")).isEmpty();
  }

  @Test
  void aPidThatRunsAnotherProcessNowIsNotTheOwnerAnyMore() throws Exception {
    Owner self = Owner.current();
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();

    assertThat(new Owner(self.pid(), self.startMillis() + 60_000).isAlive()).as("same pid, other start time").isFalse();
    assertThat(Owner.of(exited.toHandle()).isAlive()).as("a process that has exited").isFalse();
  }
}
