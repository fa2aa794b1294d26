package lakehouse.stack.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import lakehouse.stack.IcebergClients;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST catalog server's FileIO keeps metadata files it read, by location, on a real S3Proxy. */
class MetadataCachingFileIOTest {
  private static final String BUCKET = "warehouse";
  @TempDir
  static Path store;
  private static S3Server s3;
  private static MetadataCachingFileIO io;
  /** Another client of the same store, which the cache knows nothing of. */
  private static S3FileIO direct;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Server.start(store, "access", "secret-key", BUCKET);
    io = new MetadataCachingFileIO();
    io.initialize(IcebergClients.s3FileIo(s3.endpoint()));
    direct = new S3FileIO();
    direct.initialize(IcebergClients.s3FileIo(s3.endpoint()));
  }

  @AfterAll
  static void stop() {
    io.close();
    direct.close();
    try {
      s3.close();
    } catch (IllegalStateException gracefulStopTimedOut) {
      // Seen once in CI: Jetty's 2 s graceful stop ran out while the SDK's shared HTTP client still held a connection.
      // Jetty stops the connectors after that anyway; what this class proves is above.
    }
  }

  @Test
  void aMetadataFileIsReadFromTheStoreOnceAndForgottenWhenDeleted() throws IOException {
    String location = "s3://" + BUCKET + "/t/metadata/00001-a.metadata.json";
    write(io, location, "{\"v\": 1}");
    assertThat(read(io, location)).isEqualTo("{\"v\": 1}");

    direct.deleteFile(location);
    assertThat(read(io, location)).as("served from memory: the store no longer has it").isEqualTo("{\"v\": 1}");

    write(io, location, "{\"v\": 1}");
    io.deleteFiles(List.of(location));
    assertThatThrownBy(() -> read(io, location)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void otherFilesAlwaysComeFromTheStore() throws IOException {
    String location = "s3://" + BUCKET + "/t/data/00000-0.parquet";
    write(io, location, "one");
    assertThat(read(io, location)).isEqualTo("one");

    direct.deleteFile(location);
    assertThatThrownBy(() -> read(io, location)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDeletedPrefixTakesItsMetadataFilesFromMemoryToo() throws IOException {
    String location = "s3://" + BUCKET + "/dropped/metadata/00001-b.metadata.json";
    write(io, location, "{}");
    read(io, location);

    io.deletePrefix("s3://" + BUCKET + "/dropped/");
    assertThatThrownBy(() -> read(io, location)).isInstanceOf(NotFoundException.class);
  }

  private static void write(FileIO fileIo, String location, String contents) throws IOException {
    try (OutputStream out = fileIo.newOutputFile(location).createOrOverwrite()) {
      out.write(contents.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String read(FileIO fileIo, String location) throws IOException {
    try (InputStream in = fileIo.newInputFile(location).newStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
