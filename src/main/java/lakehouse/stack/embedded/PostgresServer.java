package lakehouse.stack.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import lakehouse.lifecycle.Leftovers;
import lakehouse.lifecycle.Shutdown;

/** A real PostgreSQL server (zonky's binaries from Maven Central) holding the catalog's metadata. */
final class PostgresServer implements AutoCloseable {
  private final Path binariesCache;
  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres postgres;

  private PostgresServer(Path binariesCache, Path dataDir, int port) {
    this.binariesCache = binariesCache;
    this.dataDir = dataDir;
    this.port = port;
  }

  /**
   * @param binariesCache where the PostgreSQL binaries are unpacked and reused between runs
   * @param dataDir the cluster's data directory, inside the stack's work directory, which deletes it
   */
  static PostgresServer start(Path binariesCache, Path dataDir) {
    for (int attempt = 1; ; attempt++) {
      PostgresServer server = new PostgresServer(binariesCache, dataDir, FreePort.next());
      try {
        server.startServer();
        return server;
      } catch (RuntimeException e) {
        // zonky may give up on a postmaster that still comes up (its pg_ctl interrupted, a slow start): that one
        // is stopped first, so a port still taken afterwards is another process's. The data directory is reused.
        Leftovers.stopProcessesNaming(dataDir, System.out);
        if (attempt == FreePort.ATTEMPTS || !FreePort.anyTaken(List.of(server.port))) {
          throw e;
        }
        FreePort.announceRetry("PostgreSQL", List.of(server.port));
      }
    }
  }

  private void startServer() {
    Shutdown.check("PostgreSQL");
    // zonky's builder creates <java.io.tmpdir>/embedded-pg unless this property points elsewhere.
    System.setProperty("ot.epg.working-dir", binariesCache.toAbsolutePath().toString());
    try {
      postgres = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(binariesCache.toFile())
          .setDataDirectory(dataDir)
          // Kept across restarts, so the catalog's state survives; the work directory removes it at the end.
          .setCleanDataDirectory(false)
          .setPort(port)
          .setServerConfig("listen_addresses", FreePort.LOOPBACK)
          .setServerConfig("fsync", "off")
          // zonky's own JVM shutdown hook would race the stack's, which stops PostgreSQL after the catalog on it.
          .setRegisterShutdownHook(false)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start (binaries cache " + binariesCache + ")", e);
    }
  }

  /** Stops the server and starts it again on the same port and data. */
  void restart() {
    close();
    startServer();
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + FreePort.LOOPBACK + ":" + port + "/postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
    }
  }
}
