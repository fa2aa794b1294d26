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
      assertThat(jobs.path(job).toString()).contains("cache\":\"maven", "target/lakehouse-report/", "target/failsafe-reports/");
    }
  }

  /** Every image the containers stack starts, and Testcontainers' Ryuk, is pulled before the spec runs. */
  @Test
  void theContainersJobPullsEveryImageIncludingRyukInAStepOfItsOwnBeforeTheSpec() throws Exception {
    List<String> runs = runs(new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile()).path("jobs").path("containers"));
    ContainerImages images = ContainerImages.pinned();

    String pull = runs.stream().filter(run -> run.contains("docker pull")).findFirst().orElseThrow();
    assertThat(pull).contains(images.redpanda(), images.polaris(), images.polarisAdminTool(), images.postgres(),
        images.minio(), Docker.RYUK_IMAGE);
    assertThat(pull).doesNotContain("mvnw");
    assertThat(runs).containsSubsequence(pull, "./mvnw -B verify -Dlakehouse.stack=containers");
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
