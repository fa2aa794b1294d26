package lakehouse.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a Kafka Connect worker's REST API serves: its plugins, and its connectors' and tasks' stored configurations. */
final class ConnectRestConfigs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ConnectRestConfigs() {}

  /** Connector name → its configuration, then each task's, as {@code /connectors/{name}/config} and {@code /tasks} serve them. */
  static Map<String, List<Map<String, String>>> of(String workerUrl) {
    Map<String, List<Map<String, String>>> configs = new LinkedHashMap<>();
    for (JsonNode name : get(workerUrl, "/connectors")) {
      List<Map<String, String>> stored = new ArrayList<>();
      stored.add(strings(get(workerUrl, "/connectors/" + name.asText() + "/config")));
      get(workerUrl, "/connectors/" + name.asText() + "/tasks").forEach(task -> stored.add(strings(task.path("config"))));
      configs.put(name.asText(), stored);
    }
    return configs;
  }

  /** {@code GET /connector-plugins?connectorsOnly=false}: the class of every plugin the worker loaded. */
  static List<String> pluginClasses(String workerUrl) {
    List<String> classes = new ArrayList<>();
    get(workerUrl, "/connector-plugins?connectorsOnly=false").forEach(plugin -> classes.add(plugin.path("class").asText()));
    return classes;
  }

  static JsonNode get(String workerUrl, String path) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(workerUrl + path))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the Connect worker at " + workerUrl + " answered GET " + path + " with "
            + response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the Connect worker at " + workerUrl + " did not answer GET " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the Connect worker at " + workerUrl, e);
    }
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
    return values;
  }
}
