package lakehouse.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The iceberg, httpfs and avro extensions, none of which ships inside duckdb_jdbc. DuckDB looks for
 * each in {@code <extension dir>/v<version>/<platform>/<name>.duckdb_extension} (DuckDB's
 * {@code ExtensionHelper::GetExtensionDirectoryPath}, extension_install.cpp) and checks its
 * signature when it loads it. {@link ExtensionProvisioner} puts missing or broken files there
 * before the stack starts; this class only loads them.
 */
final class DuckDbExtensions {
  static final List<String> REQUIRED = List.of("httpfs", "avro", "iceberg");
  static final String INSTALL_SCRIPT = "scripts/install-duckdb-extensions.sh";

  private DuckDbExtensions() {}

  /** Where this DuckDB looks for its extension files, and which release and platform they must be. */
  record Location(String version, String platform, Path directory) {
    Path file(String extension) {
      return directory.resolve(extension + ".duckdb_extension");
    }
  }

  static Location locate(Connection connection, Path extensionDir) throws SQLException {
    String libraryVersion = single(connection, "SELECT library_version FROM pragma_version()");
    String platform = single(connection, "PRAGMA platform");
    return new Location(libraryVersion.startsWith("v") ? libraryVersion.substring(1) : libraryVersion, platform,
        extensionDir.resolve(libraryVersion).resolve(platform));
  }

  /** Loads every required extension, or fails naming the file DuckDB refused and the fix. */
  static void load(Connection connection, Path extensionDir) throws SQLException {
    Location location = locate(connection, extensionDir);
    for (String extension : REQUIRED) {
      String refusal = tryLoad(connection, extension);
      if (refusal != null) {
        throw new IllegalStateException("DuckDB cannot load " + location.file(extension) + ": " + refusal + ". "
            + fix(location.file(extension)));
      }
    }
  }

  /** LOADs one extension; returns DuckDB's reason when it refuses, null when it loaded. */
  static String tryLoad(Connection connection, String extension) throws SQLException {
    // A failed statement closes itself in duckdb_jdbc, so every attempt gets its own.
    try (Statement statement = connection.createStatement()) {
      statement.execute("LOAD " + extension);
      return null;
    } catch (SQLException refused) {
      return firstLine(refused.getMessage());
    }
  }

  static String fix(Path file) {
    return "The suite's preflight replaces a missing or unloadable file itself, from DuckDB's extension site or"
        + " else from PyPI (lakehouse.pypi.index-url); where neither is reachable, copy DuckDB's official file to "
        + file + " (" + INSTALL_SCRIPT + " does it where pip can reach a PyPI mirror)";
  }

  static String firstLine(String message) {
    return message == null ? "no reason given" : message.strip().lines().findFirst().orElse("");
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
