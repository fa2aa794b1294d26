package lakehouse.report;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lakehouse.stack.BasicAuth;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.MonitoringUis;
import lakehouse.stack.SaslJaas;
import lakehouse.stack.Settings;
import lakehouse.stack.containers.RedpandaConsoleConfig;

/**
 * The web UIs for watching a kept-running stack (the seed design's Redpanda Console on :8080 and MinIO
 * console on :9001). The containers stack runs both itself; for the embedded and external stacks this
 * writes a Redpanda Console configuration, {@code redpanda-console.yaml}, next to {@code endpoints.json},
 * and gives the one command that starts Console on it. Neither the file nor the command holds a secret.
 */
public final class WebConsoles {
  public static final String CONFIG_FILE_NAME = "redpanda-console.yaml";
  /** Console serves its UI here, as the file says: only this machine reaches it. */
  static final String LISTEN_ADDRESS = "127.0.0.1";

  private final Map<String, String> entries;
  private final Path configFile;
  private final String configYaml;

  private WebConsoles(Map<String, String> entries, Path configFile, String configYaml) {
    this.entries = entries;
    this.configFile = configFile;
    this.configYaml = configYaml;
  }

  /** The containers stack's own UIs; MinIO's password is the S3 secret key in the credentials file. */
  public static WebConsoles running(MonitoringUis uis, Path credentialsFile) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("redpanda console", uis.redpandaConsole());
    entries.put("minio console", uis.minioConsole() + "   # log in as " + uis.minioUser() + ", password $"
        + Settings.environmentName(ExternalSettings.S3_SECRET_KEY) + " from " + credentialsFile);
    return new WebConsoles(entries, null, null);
  }

  /**
   * A Redpanda Console to start yourself, configured for what the stack has: the embedded stack has a
   * Schema Registry (the stand-in) and a Kafka Connect cluster running the Iceberg sink, but no Admin API.
   *
   * @param adminApiUrl Redpanda's Admin API, where one is known ({@code lakehouse.redpanda.admin-url})
   * @param image the Console image to run, {@code ContainerImages.redpandaConsole()}
   */
  public static WebConsoles toStartYourself(Endpoints endpoints, Optional<String> adminApiUrl, String image, Path reportDir) {
    RedpandaConsoleConfig config = consoleConfig(endpoints, adminApiUrl);
    Path file = reportDir.resolve(CONFIG_FILE_NAME).toAbsolutePath();
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("redpanda console config", file.toString());
    entries.put("redpanda console, to start yourself", dockerCommand(config, image, file)
        + "   # then open http://" + LISTEN_ADDRESS + ":" + RedpandaConsoleConfig.PORT
        + "; --network host is Linux's; or run the Console binary with -config.filepath=" + file);
    return new WebConsoles(entries, file, config.yaml());
  }

  /** What to print and to put into {@code endpoints.json}, by name. */
  public Map<String, String> entries() {
    return entries;
  }

  /** Writes the Console configuration, where there is one to write. */
  void write() throws IOException {
    if (configFile != null) {
      Files.createDirectories(configFile.getParent());
      Files.writeString(configFile, configYaml);
    }
  }

  /**
   * Console on the host's network, so it reaches servers bound to 127.0.0.1 (Console's README:
   * {@code --network=host}, Linux only), with the file mounted where {@code CONFIG_FILEPATH} points.
   * A SASL password goes in from the loaded credentials, never from the file.
   */
  static String dockerCommand(RedpandaConsoleConfig config, String image, Path file) {
    return "docker run --rm --network host -v " + EndpointsReport.shellQuote(file.toString()) + ":"
        + RedpandaConsoleConfig.FILE_IN_CONTAINER + ":ro -e CONFIG_FILEPATH=" + RedpandaConsoleConfig.FILE_IN_CONTAINER
        + (config.sasl() == null ? ""
            : " -e KAFKA_SASL_PASSWORD=\"$" + Settings.environmentName(ExternalSettings.KAFKA_SASL_PASSWORD) + "\"")
        + " " + image;
  }

  static RedpandaConsoleConfig consoleConfig(Endpoints endpoints, Optional<String> adminApiUrl) {
    List<String> notes = new ArrayList<>();
    Map<String, String> client = endpoints.kafka().clientProperties();
    RedpandaConsoleConfig.Sasl sasl = null;
    if (client.containsKey("sasl.mechanism")) {
      String username = SaslJaas.option(client.getOrDefault("sasl.jaas.config", ""), "username").orElse("");
      sasl = new RedpandaConsoleConfig.Sasl(client.get("sasl.mechanism"), username);
    }
    boolean tls = client.getOrDefault("security.protocol", "PLAINTEXT").endsWith("SSL");
    if (tls && client.containsKey("ssl.truststore.location")) {
      notes.add("Console trusts the system's CAs; for a private one, add kafka.tls.caFilepath with the CA as PEM"
          + " (Console does not read the truststore " + client.get("ssl.truststore.location") + ")");
    }
    List<String> brokers = Arrays.stream(endpoints.kafka().bootstrapServers().split(","))
        .map(String::trim).filter(broker -> !broker.isEmpty()).toList();
    return new RedpandaConsoleConfig(brokers, sasl, tls,
        withoutCredentials(endpoints.schemaRegistryUrl(), "schemaRegistry", notes),
        withoutCredentials(adminApiUrl.orElse(null), "redpanda.adminApi", notes),
        withoutCredentials(endpoints.connectUrl(), "kafkaConnect.clusters[0]", notes),
        LISTEN_ADDRESS, notes);
  }

  /** The URL without user info, which would be a secret in the file; a note says where Console's login goes. */
  private static String withoutCredentials(String url, String consoleKey, List<String> notes) {
    if (url == null) {
      return null;
    }
    URI uri = URI.create(url);
    if (uri.getRawUserInfo() == null) {
      return url;
    }
    String login = consoleKey.startsWith("kafkaConnect") ? consoleKey + ".username/password"
        : consoleKey + ".authentication.basic.username/password";
    notes.add(BasicAuth.withoutUserInfo(uri) + " needs a login: add it as " + login);
    return BasicAuth.withoutUserInfo(uri).toString();
  }
}
