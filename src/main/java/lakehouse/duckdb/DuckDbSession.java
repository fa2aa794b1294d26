package lakehouse.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import lakehouse.stack.Endpoints;

/** Opens an in-memory DuckDB with the extensions loaded and the stack's catalog attached. */
public final class DuckDbSession {
  private DuckDbSession() {}

  public static Connection open(Endpoints endpoints, Path extensionDir) throws SQLException {
    Connection connection = openBare(extensionDir);
    try {
      DuckDbExtensions.load(connection, extensionDir);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TimeZone = 'UTC'");
        for (String sql : DuckDbStatements.attach(endpoints)) {
          execute(statement, sql);
        }
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * An in-memory DuckDB on the extension directory, nothing loaded. Only the files the preflight put
   * there are loaded: a missing one fails with the fix, not a download attempt in the middle of a spec.
   */
  static Connection openBare(Path extensionDir) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("extension_directory", extensionDir.toString());
    properties.setProperty("autoinstall_known_extensions", "false");
    return DriverManager.getConnection("jdbc:duckdb:", properties);
  }

  /** DuckDB may echo the statement in its error; these statements hold credentials, so it must not. */
  private static void execute(Statement statement, String sql) throws SQLException {
    try {
      statement.execute(sql);
    } catch (SQLException e) {
      String verb = sql.substring(0, sql.indexOf(" (") < 0 ? sql.length() : sql.indexOf(" ("));
      throw new SQLException(verb + " failed: " + redact(e.getMessage(), sql), e.getSQLState());
    }
  }

  static String redact(String message, String sql) {
    return message == null ? null : message.replace(sql, "<statement with credentials>");
  }
}
