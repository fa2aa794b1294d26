package lakehouse.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lakehouse.duckdb.DuckDbExtensions.Location;
import lakehouse.progress.Phase;

/**
 * Makes sure DuckDB can load iceberg, httpfs and avro, before anything needs them. A missing file,
 * or one DuckDB refuses (truncated, corrupt, not signed), is fetched again: first by DuckDB's own
 * {@code INSTALL}, as on any machine with internet access; when that cannot reach DuckDB's site,
 * from the PyPI wheel {@code duckdb-extension-<name>==<DuckDB version>} that carries the same
 * signed file, through {@link PypiIndex}. No Python is involved, and DuckDB still checks the
 * signature when it loads the file.
 */
public final class ExtensionProvisioner {
  private final Connection connection;
  private final Location location;
  private final PypiIndex index;
  private String duckDbInstallFailure;

  private ExtensionProvisioner(Connection connection, Location location, PypiIndex index) {
    this.connection = connection;
    this.location = location;
    this.index = index;
  }

  /** Opens a DuckDB of its own on the extension directory; returns what now loads, for the preflight line. */
  public static String ensureLoadable(Path extensionDir, PypiIndex index) throws SQLException {
    try (Connection connection = DuckDbSession.openBare(extensionDir)) {
      return ensureLoadable(connection, extensionDir, index);
    }
  }

  static String ensureLoadable(Connection connection, Path extensionDir, PypiIndex index) throws SQLException {
    Location location = DuckDbExtensions.locate(connection, extensionDir);
    ExtensionProvisioner provisioner = new ExtensionProvisioner(connection, location, index);
    List<String> missing = new ArrayList<>();
    for (String extension : DuckDbExtensions.REQUIRED) {
      if (!Files.isRegularFile(location.file(extension))) {
        missing.add(extension);
      }
    }
    if (!missing.isEmpty()) {
      System.out.println("[lakehouse] DuckDB v" + location.version() + " extension(s) " + String.join(", ", missing)
          + " not in " + location.directory() + "; fetching them");
      for (String extension : missing) {
        provisioner.obtain(extension, "missing");
      }
    }
    for (String extension : DuckDbExtensions.REQUIRED) {
      String refusal = DuckDbExtensions.tryLoad(connection, extension);
      if (refusal == null) {
        continue;
      }
      Path file = location.file(extension);
      System.out.println("[lakehouse] DuckDB cannot load " + file + " (" + refusal + "); replacing it");
      provisioner.obtain(extension, "unloadable (" + refusal + ")");
      String again = DuckDbExtensions.tryLoad(connection, extension);
      if (again != null) {
        throw new IllegalStateException("DuckDB cannot load " + file + " even after replacing it: " + again + ". "
            + DuckDbExtensions.fix(file));
      }
    }
    return "DuckDB v" + location.version() + " (" + location.platform() + ") loads " + String.join(", ", DuckDbExtensions.REQUIRED)
        + " from " + location.directory();
  }

  /** DuckDB's INSTALL, else PyPI; once DuckDB's site has failed it is not asked again in this run. */
  private void obtain(String extension, String why) {
    Path file = location.file(extension);
    if (duckDbInstallFailure == null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute((Files.exists(file) ? "FORCE INSTALL " : "INSTALL ") + extension);
        System.out.println("[lakehouse] DuckDB extension " + extension + ": installed by DuckDB's INSTALL into " + file);
        return;
      } catch (SQLException unreachable) {
        duckDbInstallFailure = DuckDbExtensions.firstLine(unreachable.getMessage());
      }
    }
    try {
      String wheel = fromPypi(extension, file);
      System.out.println("[lakehouse] DuckDB extension " + extension + ": installed from " + wheel
          + " (sha256 checked) into " + file);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("DuckDB extension " + extension + " is " + why + " in " + location.directory()
          + ", and neither source could supply it. DuckDB's INSTALL: " + duckDbInstallFailure + ". PyPI: "
          + e.getMessage() + ". Fix: give this machine access to extensions.duckdb.org or to a PyPI index (set "
          + PypiIndex.INDEX_URL + ", or pip's " + PypiIndex.PIP_INDEX_URL + ", to a mirror); where neither is possible,"
          + " copy DuckDB's official v" + location.version() + " files for " + location.platform() + " into "
          + location.directory() + " (" + DuckDbExtensions.INSTALL_SCRIPT + " does it where pip works)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching DuckDB extension " + extension, e);
    }
  }

  /** Downloads the wheel beside the target (same file system, removed afterwards) and extracts the file. */
  private String fromPypi(String extension, Path file) throws IOException, InterruptedException {
    String project = ExtensionWheel.project(extension);
    PypiIndex.IndexedFile wheel = ExtensionWheel.choose(index.files(project), extension, location.version(), location.platform());
    Files.createDirectories(location.directory());
    Path download = location.directory().resolve("." + wheel.filename() + "." + UUID.randomUUID() + ".partial");
    // A SIGTERM mid-download skips the finally below; the JVM's own exit still removes the file.
    download.toFile().deleteOnExit();
    AtomicLong read = new AtomicLong();
    System.out.println("[lakehouse] fetching " + wheel.filename() + " from " + index.describe());
    try (Phase phase = Phase.begin("downloading " + wheel.filename(), () -> String.format("%.1f MB", read.get() / 1e6))) {
      index.download(wheel, download, read::set);
      ExtensionWheel.extract(download, extension, location.version(), file);
    } finally {
      Files.deleteIfExists(download);
    }
    return wheel.filename();
  }
}
