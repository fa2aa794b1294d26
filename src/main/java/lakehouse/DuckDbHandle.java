package lakehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import lakehouse.duckdb.DuckDbSession;
import lakehouse.stack.Endpoints;

/**
 * DuckDB with the stack's REST catalog attached as {@code lake}: tables are {@code lake.<namespace>.<topic>}.
 * One connection, opened on first use, so the OAuth2 token and the attached catalog are reused.
 */
public final class DuckDbHandle implements AutoCloseable {
  private final Endpoints endpoints;
  private final Path extensionDir;
  private Connection connection;

  DuckDbHandle(Endpoints endpoints, Path extensionDir) {
    this.endpoints = endpoints;
    this.extensionDir = extensionDir;
  }

  /** A DuckDB of its own for any endpoints, such as a second client's; close it after use. */
  public static DuckDbHandle connectTo(Endpoints endpoints, Path extensionDir) {
    return new DuckDbHandle(endpoints, extensionDir);
  }

  /** The quoted, fully qualified name of an Iceberg topic's table. */
  public String table(String topic) {
    return lakehouse.duckdb.DuckDbStatements.qualifiedTable(endpoints.namespace(), topic);
  }

  public synchronized Connection connection() throws SQLException {
    if (connection == null) {
      connection = DuckDbSession.open(endpoints, extensionDir);
    }
    return connection;
  }

  /** One query at a time: a DuckDB connection runs one statement at once, and specs may poll from several threads. */
  public synchronized <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
    try (Statement statement = connection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    }
  }

  public long count(String topic) throws SQLException {
    return query("SELECT count(*) FROM " + table(topic), rs -> rs.getLong(1)).get(0);
  }

  @Override
  public synchronized void close() throws SQLException {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }
}
