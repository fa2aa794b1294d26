package lakehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import lakehouse.stack.RunSettings;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real DuckDB, a real official extension file served as a wheel from an index on 127.0.0.1, and
 * DuckDB's own INSTALL pointed at a closed port, as on a machine that cannot reach DuckDB's site.
 */
class ExtensionProvisionerTest {
  private int closedPort;

  @BeforeEach
  void findAClosedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
  }

  @Test
  void aTruncatedExtensionFileIsReplacedFromTheIndexAndThenLoads(@TempDir Path extensionDir) throws Exception {
    try (Connection duckdb = offlineDuckDb(extensionDir)) {
      DuckDbExtensions.Location location = DuckDbExtensions.locate(duckdb, extensionDir);
      Path official = installedOfficialFile(location, "avro");
      Files.createDirectories(location.directory());
      for (String extension : DuckDbExtensions.REQUIRED) {
        Files.copy(installedOfficialFile(location, extension), location.file(extension));
      }
      byte[] good = Files.readAllBytes(official);
      Files.write(location.file("avro"), java.util.Arrays.copyOf(good, good.length / 2));

      try (FakePypiIndex index = new FakePypiIndex(FakePypiIndex.Format.JSON)
          .host("duckdb-extension-avro", "duckdb_extension_avro-" + location.version() + "-py3-none-manylinux2014_x86_64.whl",
              FakePypiIndex.wheel("avro", location.version(), good, true))
          .host("duckdb-extension-avro", "duckdb_extension_avro-" + location.version() + "-py3-none-macosx_11_0_arm64.whl",
              FakePypiIndex.wheel("avro", location.version(), good, true))) {
        assumeTrue(location.platform().equals("linux_amd64") || location.platform().equals("osx_arm64"));
        String loaded = ExtensionProvisioner.ensureLoadable(duckdb, extensionDir, indexAt(index.url()));

        assertThat(loaded).contains("loads httpfs, avro, iceberg");
      }
      assertThat(location.file("avro")).hasSameBinaryContentAs(official);
    }
  }

  @Test
  void whenNeitherSourceAnswersTheErrorNamesBothTheDirectoryAndTheFix(@TempDir Path extensionDir) throws Exception {
    try (Connection duckdb = offlineDuckDb(extensionDir)) {
      DuckDbExtensions.Location location = DuckDbExtensions.locate(duckdb, extensionDir);

      assertThatThrownBy(() -> ExtensionProvisioner.ensureLoadable(duckdb, extensionDir,
              indexAt("http://127.0.0.1:" + closedPort + "/simple")))
          .hasMessageContaining("DuckDB extension httpfs is missing in " + location.directory())
          .hasMessageContaining("DuckDB's INSTALL: ")
          .hasMessageContaining("PyPI: the index http://127.0.0.1:" + closedPort + "/simple/ (lakehouse.pypi.index-url) did not answer: connection refused")
          .hasMessageContaining("set lakehouse.pypi.index-url, or pip's PIP_INDEX_URL, to a mirror");
    }
  }

  @Test
  void aFileDuckDbRefusesIsNamedWithThePathWhenItCannotBeReplaced(@TempDir Path extensionDir) throws Exception {
    try (Connection duckdb = offlineDuckDb(extensionDir)) {
      DuckDbExtensions.Location location = DuckDbExtensions.locate(duckdb, extensionDir);
      Files.createDirectories(location.directory());
      for (String extension : DuckDbExtensions.REQUIRED) {
        Files.writeString(location.file(extension), "not an extension");
      }

      assertThatThrownBy(() -> DuckDbExtensions.load(duckdb, extensionDir))
          .hasMessageContaining("DuckDB cannot load " + location.file("httpfs"))
          .hasMessageContaining("copy DuckDB's official file to " + location.file("httpfs"));
    }
  }

  @Test
  void theScriptsRecordedChecksumsAreThoseOfTheOfficialFiles(@TempDir Path extensionDir) throws Exception {
    try (Connection duckdb = DuckDbSession.openBare(extensionDir)) {
      DuckDbExtensions.Location location = DuckDbExtensions.locate(duckdb, extensionDir);
      java.util.List<String> recorded = Files.readAllLines(Path.of("scripts", "duckdb-extensions.sha256"));
      for (String extension : DuckDbExtensions.REQUIRED) {
        Path official = installedOfficialFile(location, extension);
        String line = FakePypiIndex.sha256Hex(Files.readAllBytes(official)) + "  v" + location.version() + "/"
            + location.platform() + "/" + extension + ".duckdb_extension";
        assertThat(recorded).as("scripts/duckdb-extensions.sha256").contains(line);
      }
    }
  }

  /** DuckDB on the directory, with its extension site replaced by a port nobody listens on. */
  private Connection offlineDuckDb(Path extensionDir) throws Exception {
    Connection duckdb = DuckDbSession.openBare(extensionDir);
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("SET custom_extension_repository = 'http://127.0.0.1:" + closedPort + "'");
    }
    return duckdb;
  }

  /**
   * The official file already installed in DuckDB's own default directory; without one, there is
   * nothing real to serve. Not the run's {@code lakehouse.duckdb.extension-dir}: no setting given for
   * the spec changes what a unit test does.
   */
  private static Path installedOfficialFile(DuckDbExtensions.Location location, String extension) {
    Path dir = RunSettings.defaultDuckDbExtensionDir();
    Path file = dir.resolve("v" + location.version()).resolve(location.platform()).resolve(extension + ".duckdb_extension");
    assumeTrue(Files.isRegularFile(file), "needs DuckDB's official " + extension + " file in " + dir);
    return file;
  }

  private static PypiIndex indexAt(String url) {
    return PypiIndex.from(new Settings(Map.of("lakehouse.pypi.index-url", url), Map.of()));
  }
}
