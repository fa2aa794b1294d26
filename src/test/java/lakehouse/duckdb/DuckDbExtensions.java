package lakehouse.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the iceberg, httpfs and avro extensions, none of which ships inside duckdb_jdbc. Files
 * already in the extension directory are used as they are (the offline path: the project's script
 * copies DuckDB's official files from PyPI wheels); a missing one is installed the normal online way.
 */
final class DuckDbExtensions {
  static final List<String> REQUIRED = List.of("httpfs", "avro", "iceberg");
  static final String INSTALL_SCRIPT = "scripts/install-duckdb-extensions.sh";

  private DuckDbExtensions() {}

  static void load(Connection connection, Path extensionDir) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      Path platformDir = extensionDir.resolve(version(statement)).resolve(platform(statement));
      List<String> missing = new ArrayList<>();
      for (String extension : REQUIRED) {
        if (!Files.isRegularFile(platformDir.resolve(extension + ".duckdb_extension")) && !install(statement, extension)) {
          missing.add(extension);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("DuckDB extension(s) " + String.join(", ", missing) + " missing from "
            + platformDir + " and not installable (offline?). Run " + INSTALL_SCRIPT
            + " once: it installs DuckDB's official extension files from PyPI into that directory.");
      }
      for (String extension : REQUIRED) {
        statement.execute("LOAD " + extension);
      }
    }
  }

  private static boolean install(Statement statement, String extension) {
    try {
      statement.execute("INSTALL " + extension);
      return true;
    } catch (SQLException offline) {
      return false;
    }
  }

  private static String version(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT library_version FROM pragma_version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String platform(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("PRAGMA platform")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
