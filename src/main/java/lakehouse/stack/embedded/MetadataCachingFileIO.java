package lakehouse.stack.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.inmemory.InMemoryInputFile;
import org.apache.iceberg.io.DelegateFileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * The REST catalog server's S3FileIO, keeping the table metadata files it has read in memory. Each
 * loadTable reads the table's current {@code *.metadata.json} again, and the suite's waits load
 * tables several times a second; through S3Proxy that was a fifth of the CPU of a conformance run.
 * A metadata file is written once and never changed (a commit writes a new one), so a copy kept by
 * its location is never stale. Everything else goes to S3 as before.
 */
public final class MetadataCachingFileIO implements DelegateFileIO {
  private static final long MAX_CACHED_BYTES = 32L << 20;

  private final S3FileIO s3 = new S3FileIO();
  private final Map<String, byte[]> metadataFiles = new LinkedHashMap<>(64, 0.75f, true);
  private long cachedBytes;

  @Override
  public void initialize(Map<String, String> properties) {
    s3.initialize(properties);
  }

  @Override
  public Map<String, String> properties() {
    return s3.properties();
  }

  @Override
  public InputFile newInputFile(String location) {
    return isMetadataFile(location) ? new InMemoryInputFile(location, metadataFile(location)) : s3.newInputFile(location);
  }

  @Override
  public InputFile newInputFile(String location, long length) {
    return isMetadataFile(location) ? newInputFile(location) : s3.newInputFile(location, length);
  }

  private static boolean isMetadataFile(String location) {
    return location.endsWith(".metadata.json");
  }

  private byte[] metadataFile(String location) {
    synchronized (metadataFiles) {
      byte[] cached = metadataFiles.get(location);
      if (cached != null) {
        return cached;
      }
    }
    byte[] contents;
    try (InputStream in = s3.newInputFile(location).newStream()) {
      contents = in.readAllBytes();
    } catch (IOException e) {
      throw new RuntimeIOException(e, "could not read table metadata %s", location);
    }
    synchronized (metadataFiles) {
      if (metadataFiles.put(location, contents) == null) {
        cachedBytes += contents.length;
      }
      var eldest = metadataFiles.entrySet().iterator();
      while (cachedBytes > MAX_CACHED_BYTES && eldest.hasNext()) {
        cachedBytes -= eldest.next().getValue().length;
        eldest.remove();
      }
    }
    return contents;
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return s3.newOutputFile(location);
  }

  @Override
  public void deleteFile(String location) {
    forget(location);
    s3.deleteFile(location);
  }

  @Override
  public void deleteFiles(Iterable<String> locations) {
    locations.forEach(this::forget);
    s3.deleteFiles(locations);
  }

  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    return s3.listPrefix(prefix);
  }

  @Override
  public void deletePrefix(String prefix) {
    synchronized (metadataFiles) {
      metadataFiles.keySet().stream().filter(location -> location.startsWith(prefix)).toList().forEach(this::forget);
    }
    s3.deletePrefix(prefix);
  }

  private void forget(String location) {
    synchronized (metadataFiles) {
      byte[] removed = metadataFiles.remove(location);
      if (removed != null) {
        cachedBytes -= removed.length;
      }
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
