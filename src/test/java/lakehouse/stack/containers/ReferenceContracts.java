package lakehouse.stack.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upstream contracts the containers stack is checked against, without Docker: Redpanda's
 * generated property list (v25.3.11) and Polaris' management OpenAPI (1.7.0). Looked up on the test
 * classpath under {@code contracts/}, then in {@code shared/reference/contracts} next to any parent
 * of the working directory. No setting of the run points elsewhere: a unit test reads none.
 */
public final class ReferenceContracts {
  public static final String REDPANDA_PROPERTIES = "redpanda-properties-v25.3.11.tsv";
  public static final String POLARIS_MANAGEMENT_API = "polaris-management-service-1.7.0.yml";

  private ReferenceContracts() {}

  /** Every Redpanda property name with its scope: {@code cluster}, {@code broker} or {@code topic}. */
  public static Map<String, String> redpandaPropertyScopes() {
    Map<String, String> scopes = new HashMap<>();
    for (String line : lines(REDPANDA_PROPERTIES)) {
      String[] columns = line.split("\t", -1);
      if (line.startsWith("#") || columns.length < 2 || "name".equals(columns[0])) {
        continue;
      }
      scopes.put(columns[0], columns[1]);
    }
    return scopes;
  }

  public static JsonNode polarisManagementApi() {
    try {
      return new YAMLMapper().readTree(Files.readString(find(POLARIS_MANAGEMENT_API)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String name) {
    try {
      return Files.readAllLines(find(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path find(String name) {
    return onClasspath("contracts/" + name)
        .or(() -> besideAParent(name))
        .orElseThrow(() -> new IllegalStateException("contract " + name + " not found: put it in"
            + " src/test/resources/contracts/ (copy of shared/reference/contracts)"));
  }

  private static Optional<Path> onClasspath(String resource) {
    URL url = ReferenceContracts.class.getClassLoader().getResource(resource);
    try {
      return url == null || !"file".equals(url.getProtocol()) ? Optional.empty() : Optional.of(Path.of(url.toURI()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> besideAParent(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("reference").resolve("contracts").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
