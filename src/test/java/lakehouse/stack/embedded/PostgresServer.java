package lakehouse.stack.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A real PostgreSQL server (zonky's binaries from Maven Central) holding the catalog's metadata. */
final class PostgresServer implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * @param binariesCache where the PostgreSQL binaries are unpacked and reused between runs
   * @param dataDir the cluster's data directory, inside the stack's work directory
   */
  static PostgresServer start(Path binariesCache, Path dataDir) {
    // zonky's builder creates <java.io.tmpdir>/embedded-pg unless this property points elsewhere.
    System.setProperty("ot.epg.working-dir", binariesCache.toAbsolutePath().toString());
    try {
      return new PostgresServer(EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(binariesCache.toFile())
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(true)
          .setPort(FreePort.next())
          .setServerConfig("listen_addresses", FreePort.LOOPBACK)
          .setServerConfig("fsync", "off")
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start (binaries cache " + binariesCache + ")", e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + FreePort.LOOPBACK + ":" + postgres.getPort() + "/postgres";
  }

  int port() {
    return postgres.getPort();
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
