package lakehouse.stack.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/** Kafka Connect's REST API: the same calls for the in-JVM worker and for a Connect cluster elsewhere. */
final class ConnectRestClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI baseUri;

  ConnectRestClient(String baseUrl) {
    this.baseUri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  /** Creates or updates a connector, then waits until it and every task run; a failed task fails with its trace. */
  void putConnector(String name, Map<String, String> config) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(baseUri.resolve("connectors/" + name + "/config"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("Kafka Connect at " + baseUri + " refused connector " + name + ": HTTP "
          + response.statusCode() + " " + response.body());
    }
    Awaitility.await("connector " + name + " and its tasks to reach RUNNING on " + baseUri)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .ignoreException(IOException.class)
        .until(() -> isRunning(name, status(name)));
  }

  /** The connector's current configuration, as submitted. */
  Map<String, String> connectorConfig(String name) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(baseUri.resolve("connectors/" + name + "/config")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("Kafka Connect at " + baseUri + " has no connector " + name + ": HTTP "
          + response.statusCode() + " " + response.body());
    }
    return JSON.readValue(response.body(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
  }

  /**
   * Waits until every task of the connector runs with {@code key} set to {@code value}: on a distributed
   * cluster a reconfigured connector's tasks restart after the new configuration is stored.
   */
  void awaitTaskConfig(String name, String key, String value) {
    Awaitility.await("every task of connector " + name + " to run with its new " + key + " on " + baseUri)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .ignoreException(IOException.class)
        .until(() -> tasksConfiguredWith(name, key, value) && isRunning(name, status(name)));
  }

  private boolean tasksConfiguredWith(String name, String key, String value) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(baseUri.resolve("connectors/" + name + "/tasks")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      return false;
    }
    JsonNode tasks = JSON.readTree(response.body());
    boolean all = tasks.size() > 0;
    for (JsonNode task : tasks) {
      all &= value.equals(task.path("config").path(key).asText(null));
    }
    return all;
  }

  /** Deletes a connector; one that does not exist is already gone. */
  void deleteConnector(String name) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(baseUri.resolve("connectors/" + name)).timeout(Duration.ofSeconds(60)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
      throw new IllegalStateException("Kafka Connect at " + baseUri + " did not delete connector " + name + ": HTTP "
          + response.statusCode() + " " + response.body());
    }
  }

  JsonNode status(String name) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(baseUri.resolve("connectors/" + name + "/status")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return JSON.createObjectNode();
    }
    return JSON.readTree(response.body());
  }

  private static boolean isRunning(String name, JsonNode status) {
    JsonNode tasks = status.path("tasks");
    for (JsonNode task : tasks) {
      if ("FAILED".equals(task.path("state").asText())) {
        throw new IllegalStateException("task " + task.path("id").asText() + " of connector " + name + " failed: "
            + task.path("trace").asText());
      }
    }
    boolean allTasksRunning = !tasks.isEmpty();
    for (JsonNode task : tasks) {
      allTasksRunning &= "RUNNING".equals(task.path("state").asText());
    }
    return "RUNNING".equals(status.path("connector").path("state").asText()) && allTasksRunning;
  }
}
