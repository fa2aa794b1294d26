package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

class StartedContainersTest {
  private static final ContainerCredentials CREDENTIALS =
      new ContainerCredentials("minio-user", "minio-password", "root", "polaris-secret", "pg", "pg-password",
          "token-key");

  @Test
  void generatedSecretsNeverReachALogFile() {
    StartedContainers containers = new StartedContainers(CREDENTIALS);

    assertThat(containers.masked("secret_key=minio-password client_secret: polaris-secret pw=pg-password user=pg"))
        .isEqualTo("secret_key=**** client_secret: **** pw=**** user=pg");
  }

  @Test
  void aSecretPolarisGeneratedAfterStartIsMaskedToo() {
    StartedContainers containers = new StartedContainers(CREDENTIALS);

    containers.maskAlso("reader-secret");

    assertThat(containers.masked("client_secret=reader-secret root=polaris-secret"))
        .isEqualTo("client_secret=**** root=****");
  }

  @Test
  void aContainerThatFailedToStartStillGetsItsLogFile(@TempDir Path dir) throws Exception {
    StartedContainers containers = new StartedContainers(CREDENTIALS);
    NoDockerContainer failing = new NoDockerContainer();

    assertThatThrownBy(() -> containers.start(StackWiring.MINIO, failing)).hasMessage("no Docker engine");
    containers.close();
    containers.dumpLogs(dir);

    assertThat(Files.readString(dir.resolve("minio.log"))).isEqualTo("(no container was created)\n");
  }

  @Test
  void closingTwiceIsHarmless() {
    StartedContainers containers = new StartedContainers(CREDENTIALS);

    containers.close();

    assertThatCode(containers::close).doesNotThrowAnyException();
  }

  /** A container whose start fails the way it does without a Docker engine. */
  private static final class NoDockerContainer extends GenericContainer<NoDockerContainer> {
    NoDockerContainer() {
      super(DockerImageName.parse(ContainerImages.MINIO));
    }

    @Override
    public void start() {
      throw new IllegalStateException("no Docker engine");
    }
  }
}
