package lakehouse.stack.containers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where a Docker engine could be, for saying what the Docker probe found: the places Testcontainers'
 * own strategies look (DOCKER_HOST, {@code ~/.testcontainers.properties}, the usual sockets of
 * Docker, Docker Desktop, rootless Docker, Colima and Rancher Desktop). Testcontainers itself still
 * decides whether an engine answers; this only names the places in the message.
 */
record DockerLocations(List<String> found, List<String> searched) {

  static DockerLocations of(Map<String, String> environment, Path home) {
    List<String> found = new ArrayList<>();
    String dockerHost = environment.get("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      found.add("DOCKER_HOST=" + dockerHost);
    }
    Path properties = home.resolve(".testcontainers.properties");
    for (String key : List.of("docker.host", "tc.host")) {
      String value = property(properties, key);
      if (value != null) {
        found.add(key + "=" + value + " in " + properties);
      }
    }
    List<String> searched = new ArrayList<>();
    for (Path socket : sockets(environment, home)) {
      searched.add(socket.toString());
      if (Files.exists(socket)) {
        found.add(socket.toString());
      }
    }
    return new DockerLocations(List.copyOf(found), List.copyOf(searched));
  }

  static DockerLocations ofThisMachine() {
    return of(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  boolean anyFound() {
    return !found.isEmpty();
  }

  /** For a message: where an engine was looked for and found, or everywhere it was looked for. */
  String describe() {
    return anyFound() ? String.join(", ", found)
        : "no Docker socket at " + String.join(", ", searched)
            + ", and neither DOCKER_HOST nor ~/.testcontainers.properties names an engine";
  }

  private static List<Path> sockets(Map<String, String> environment, Path home) {
    List<Path> sockets = new ArrayList<>(List.of(
        Path.of("/var/run/docker.sock"),
        home.resolve(".docker/run/docker.sock"),
        home.resolve(".docker/desktop/docker.sock")));
    String runtimeDir = environment.get("XDG_RUNTIME_DIR");
    if (runtimeDir != null && !runtimeDir.isBlank()) {
      sockets.add(Path.of(runtimeDir, "docker.sock"));
    }
    sockets.add(home.resolve(".colima/default/docker.sock"));
    sockets.add(home.resolve(".rd/docker.sock"));
    return sockets;
  }

  private static String property(Path file, String key) {
    if (!Files.isReadable(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException unreadable) {
      return null;
    }
    String value = properties.getProperty(key);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
