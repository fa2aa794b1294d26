package lakehouse.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.stream.Stream;

/** Deletes the suite's temporary directory trees: a stack's, a child JVM's, a report's, a dead run's. */
public final class Directories {
  private Directories() {}

  /**
   * Deletes {@code dir} with everything in it, deepest first; a directory that is not there is not an
   * error.
   *
   * @return the bytes of the files deleted
   * @throws UncheckedIOException when the tree cannot be listed
   */
  public static long delete(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    long bytes = 0;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Iterator<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).iterator(); deepestFirst.hasNext(); ) {
        Path path = deepestFirst.next();
        bytes += path.toFile().length();
        path.toFile().delete();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
    return bytes;
  }
}
