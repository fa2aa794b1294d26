package lakehouse.plugin;

import org.duckdb.DuckDBConnection;

/** ArchitectureTest's fixture, in the plugin package but never in the plugin (src/test): a class that uses DuckDB, which no Connect worker has. */
public final class PluginThatUsesDuckDb {
  public Class<?> connection() {
    return DuckDBConnection.class;
  }
}
