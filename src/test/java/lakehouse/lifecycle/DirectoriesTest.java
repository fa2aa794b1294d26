package lakehouse.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {
  @TempDir
  Path tmp;

  @Test
  void aTreeIsDeletedDeepestFirstAndItsBytesCounted() throws Exception {
    Path root = tmp.resolve("lakehouse-embedded-x");
    Files.createDirectories(root.resolve("a/b"));
    Files.write(root.resolve("a/b/file"), new byte[3_000]);
    Files.write(root.resolve("top"), new byte[24]);

    assertThat(Directories.delete(root)).isGreaterThanOrEqualTo(3_024);
    assertThat(root).doesNotExist();
  }

  @Test
  void aDirectoryThatIsNotThereIsNotAnError() {
    assertThat(Directories.delete(tmp.resolve("gone"))).isZero();
  }
}
