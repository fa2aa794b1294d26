package lakehouse.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lakehouse.stack.containers.ContainerImages;
import lakehouse.stack.containers.Docker;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflow is valid YAML and runs the spec on both stacks GitHub's runners can
 * host, with nothing before it but a JDK: the spec fetches DuckDB's extensions itself.
 */
class WorkflowTest {
  private static final Path WORKFLOW = Path.of(".github", "workflows", "ci.yml");

  @Test
  void bothJobsRunTheSpecWithOnlyAJdkAndKeepTheirReports() throws Exception {
    JsonNode jobs = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile()).path("jobs");

    assertThat(runs(jobs.path("containers"))).contains("./mvnw -B verify -Dlakehouse.stack=containers");
    assertThat(runs(jobs.path("embedded"))).contains("./mvnw -B verify -Dlakehouse.stack=embedded");
    for (String job : List.of("containers", "embedded")) {
      assertThat(runs(jobs.path(job))).noneMatch(run -> run.contains("install-duckdb-extensions"));
      assertThat(jobs.path(job).toString()).doesNotContain("setup-python");
      assertThat(jobs.path(job).path("runs-on").asText()).isEqualTo("ubuntu-latest");
      assertThat(jobs.path(job).toString()).contains("cache\":\"maven");
      // Every JVM's stack log lives in its report folder (lakehouse.lifecycle.StackLog): the report
      // directories hold them all, and no JVM writes a log at the top of target/ any more.
      assertThat(uploads(jobs.path(job))).contains("target/lakehouse-report/", "target/failsafe-reports/",
          "target/surefire-reports/").noneMatch(path -> path.endsWith(".log"));
    }
  }

  /** Every image the containers stack starts, and Testcontainers' Ryuk, is pulled before the spec runs. */
  @Test
  void theContainersJobPullsEveryImageIncludingRyukInAStepOfItsOwnBeforeTheSpec() throws Exception {
    List<String> runs = runs(new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile()).path("jobs").path("containers"));
    ContainerImages images = ContainerImages.pinned();

    String pull = runs.stream().filter(run -> run.contains("docker pull")).findFirst().orElseThrow();
    assertThat(pull).contains(images.redpanda(), images.polaris(), images.polarisAdminTool(), images.postgres(),
        images.minio(), images.redpandaConsole(), Docker.RYUK_IMAGE);
    assertThat(pull).doesNotContain("mvnw");
    assertThat(runs).containsSubsequence(pull, "./mvnw -B verify -Dlakehouse.stack=containers");
  }

  /** The paths the job's upload-artifact step keeps, one per line of its {@code path}. */
  private static List<String> uploads(JsonNode job) {
    List<String> paths = new ArrayList<>();
    job.path("steps").forEach(step -> {
      if (step.path("uses").asText().startsWith("actions/upload-artifact")) {
        step.path("with").path("path").asText().lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(paths::add);
      }
    });
    return paths;
  }

  private static List<String> runs(JsonNode job) {
    List<String> commands = new ArrayList<>();
    job.path("steps").forEach(step -> {
      if (step.has("run")) {
        commands.add(step.path("run").asText().trim());
      }
    });
    return commands;
  }
}
