package lakehouse.stack.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lakehouse.lifecycle.Directories;
import lakehouse.lifecycle.Leftovers;
import lakehouse.lifecycle.Owner;

/** The one temporary directory an embedded stack writes to; deleting it removes every trace. */
final class WorkDir implements AutoCloseable {
  private final Path root;

  private WorkDir(Path root) {
    this.root = root;
  }

  static WorkDir create() {
    try {
      // Named after this JVM (pid, start time), so a later run can tell a dead run's directory from a live one's.
      return new WorkDir(Owner.current().createTempDirectory("embedded"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory in " + System.getProperty("java.io.tmpdir"), e);
    }
  }

  Path root() {
    return root;
  }

  Path dir(String name) {
    try {
      return Files.createDirectories(root.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (!Files.exists(root)) {
      return;
    }
    // A server that came up after its start was given up for failed (PostgreSQL, whose pg_ctl was interrupted)
    // still runs in here: stopped first, so no process is left running in a deleted directory.
    Leftovers.stopProcessesNaming(root, System.out);
    Directories.delete(root);
  }
}
