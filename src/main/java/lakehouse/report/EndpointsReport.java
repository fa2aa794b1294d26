package lakehouse.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.Settings;

/**
 * For a stack kept running: {@code endpoints.json} with every endpoint in the setting names of the
 * external stack plus ready-to-paste client commands and the web UIs ({@link WebConsoles}), and the
 * credentials in a separate {@code credentials.env} (mode 600, outside target/) that the commands read
 * as shell variables.
 */
public final class EndpointsReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String stack;
  private final Endpoints endpoints;
  private final Path credentialsFile;
  private final WebConsoles webConsoles;

  public EndpointsReport(String stack, Endpoints endpoints, Path credentialsFile, WebConsoles webConsoles) {
    this.stack = stack;
    this.endpoints = endpoints;
    this.credentialsFile = credentialsFile;
    this.webConsoles = webConsoles;
  }

  /** Writes credentials.env, the web UIs' files and endpoints.json, in that order; returns the path of endpoints.json. */
  public Path write(Path reportDir) throws IOException {
    Map<String, String> settings = ExternalSettings.describe(endpoints);
    Files.writeString(credentialsFile, settings.entrySet().stream()
        .filter(e -> ExternalSettings.SECRETS.contains(e.getKey()))
        .map(e -> Settings.environmentName(e.getKey()) + "=" + shellQuote(e.getValue()) + "\n")
        .collect(Collectors.joining()));
    Files.setPosixFilePermissions(credentialsFile, PosixFilePermissions.fromString("rw-------"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("stack", stack);
    json.put("settings", settings.entrySet().stream()
        .filter(e -> !ExternalSettings.SECRETS.contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
    json.put("credentials_file", credentialsFile.toString());
    json.put("commands", ClientCommands.forEndpoints(endpoints));
    json.put("monitoring", webConsoles.entries());
    Files.createDirectories(reportDir);
    webConsoles.write();
    Path file = reportDir.resolve("endpoints.json");
    // Written aside and moved into place, so a reader waiting for the file never sees half of it.
    Path partial = reportDir.resolve("endpoints.json.partial");
    JSON.writeValue(partial.toFile(), json);
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** The text printed for a person: each endpoint with its command, then the web UIs. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append("[lakehouse] the ").append(stack).append(" stack keeps running; Ctrl-C or SIGTERM stops it.\n");
    text.append("[lakehouse] load the credentials first:  set -a; . ").append(credentialsFile).append("; set +a\n");
    ClientCommands.forEndpoints(endpoints).forEach((name, command) -> entry(text, name, command));
    webConsoles.entries().forEach((name, value) -> entry(text, name, value));
    return text.toString();
  }

  private static void entry(StringBuilder text, String name, String value) {
    text.append("[lakehouse] ").append(name).append(":\n    ").append(value).append('\n');
  }

  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
