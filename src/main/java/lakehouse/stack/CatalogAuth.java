package lakehouse.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One OAuth2 client-credentials request to the catalog's token endpoint. Refused credentials fail
 * at once, after that single request, with the setting to fix, instead of surfacing later as a
 * retried 401 deep inside a client.
 */
public final class CatalogAuth {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private CatalogAuth() {}

  /** Returns an access token; never put it in a message. */
  public static String token(Endpoints.Catalog catalog) throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", catalog.clientId());
    form.put("client_secret", catalog.clientSecret());
    if (catalog.scope() != null && !catalog.scope().isBlank()) {
      form.put("scope", catalog.scope());
    }
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(catalog.tokenUri()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 401 || response.statusCode() == 400 && response.body().contains("unauthorized_client")) {
      throw new IllegalStateException("the catalog at " + catalog.tokenUri() + " refused client '" + catalog.clientId()
          + "' with HTTP " + response.statusCode() + " after 1 request: check " + ExternalSettings.CATALOG_CLIENT_ID
          + " and " + ExternalSettings.CATALOG_CLIENT_SECRET + " (" + Settings.environmentName(ExternalSettings.CATALOG_CLIENT_SECRET) + ")");
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("the catalog's token endpoint " + catalog.tokenUri() + " answered HTTP "
          + response.statusCode());
    }
    JsonNode body = JSON.readTree(response.body());
    return body.path("access_token").asText();
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
