package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Docker probe reports, for each way an engine can be there, absent, broken or slow. */
class DockerTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final CountDownLatch never = new CountDownLatch(1);

  @TempDir
  Path home;

  @AfterEach
  void releaseTheProbe() {
    never.countDown();
  }

  @Test
  void anEngineThatAnswersIsAvailableAndNamed() {
    Docker.Answer answer = Docker.ask(() -> "unix:///var/run/docker.sock", Duration.ofSeconds(5), nothingFound(), out);

    assertThat(answer.available()).isTrue();
    assertThat(answer.description()).startsWith("Docker answered at unix:///var/run/docker.sock after ");
  }

  @Test
  void withNothingToConnectToItSaysNoneWasFoundAndWhereItLookedNotThatItWaited() {
    Docker.Answer answer = Docker.ask(() -> {
      throw new IllegalStateException("Could not find a valid Docker environment. Please see logs\nand more");
    }, Duration.ofSeconds(5), nothingFound(), out);

    assertThat(answer.available()).isFalse();
    assertThat(answer.description())
        .startsWith("no Docker engine was found: no Docker socket at /var/run/docker.sock")
        .contains("neither DOCKER_HOST nor ~/.testcontainers.properties names an engine")
        .contains("Could not find a valid Docker environment. Please see logs")
        .doesNotContain("and more")
        .doesNotContain("within");
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anEngineThatIsThereButRefusesIsNamedWithTheReason() {
    DockerLocations socket = new DockerLocations(List.of("/var/run/docker.sock"), List.of("/var/run/docker.sock"));

    Docker.Answer answer = Docker.ask(() -> {
      throw new IllegalStateException("permission denied");
    }, Duration.ofSeconds(5), socket, out);

    assertThat(answer.available()).isFalse();
    assertThat(answer.description()).startsWith("Docker at /var/run/docker.sock was found, but Testcontainers could not"
        + " use it").contains("permission denied").doesNotContain("within");
  }

  @Test
  void anEngineThatDoesNotAnswerInTimeIsReportedAsSlowWithProgressWhileWaiting() {
    DockerLocations socket = new DockerLocations(List.of("/var/run/docker.sock"), List.of("/var/run/docker.sock"));

    Docker.Answer answer = Docker.ask(() -> {
      never.await();
      return "too late";
    }, Duration.ofSeconds(2), socket, out);

    assertThat(answer.available()).isFalse();
    assertThat(answer.description()).isEqualTo("Docker at /var/run/docker.sock did not answer within 2.0 s: Testcontainers"
        + " was still connecting to it or starting its Ryuk container (testcontainers/ryuk:0.14.0, pulled on a first run)");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("[lakehouse] waiting for Docker at /var/run/docker.sock: Testcontainers connects and starts its Ryuk"
            + " container (testcontainers/ryuk:0.14.0, pulled on a first run); 1 s of 2 s");
  }

  @Test
  void locationsFoundAreTheEnvironmentTheTestcontainersFileAndExistingSockets() throws Exception {
    Files.createDirectories(home.resolve(".docker/run"));
    Files.createFile(home.resolve(".docker/run/docker.sock"));
    Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://10.0.0.5:2375\n");

    DockerLocations locations = DockerLocations.of(Map.of("DOCKER_HOST", "tcp://docker:2376"), home);

    assertThat(locations.found()).containsExactly("DOCKER_HOST=tcp://docker:2376",
        "docker.host=tcp://10.0.0.5:2375 in " + home.resolve(".testcontainers.properties"),
        home.resolve(".docker/run/docker.sock").toString());
    assertThat(locations.searched()).contains("/var/run/docker.sock", home.resolve(".docker/run/docker.sock").toString());
  }

  @Test
  void theRuntimeDirectoryOfRootlessDockerIsSearchedToo() {
    DockerLocations locations = DockerLocations.of(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), home);

    assertThat(locations.searched()).contains("/run/user/1000/docker.sock");
  }

  /** The image Testcontainers' own Ryuk container starts, read from the Testcontainers jar on the classpath. */
  @Test
  void theRyukImageIsTheOneThePinnedTestcontainersStarts() throws Exception {
    try (var ryuk = getClass().getClassLoader().getResourceAsStream("org/testcontainers/utility/RyukContainer.class")) {
      assertThat(ryuk).as("RyukContainer in the Testcontainers jar").isNotNull();
      assertThat(new String(ryuk.readAllBytes(), StandardCharsets.ISO_8859_1)).contains(Docker.RYUK_IMAGE);
    }
  }

  private DockerLocations nothingFound() {
    return new DockerLocations(List.of(), List.of("/var/run/docker.sock", home.resolve(".docker/run/docker.sock").toString()));
  }
}
