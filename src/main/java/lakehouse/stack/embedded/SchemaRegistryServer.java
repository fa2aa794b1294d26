package lakehouse.stack.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.lifecycle.Shutdown;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A stand-in for Redpanda's Schema Registry: the part of the Confluent-compatible API that the suite and users'
 * producers need, held in memory. No registry software that runs inside a JVM is on Maven Central (Confluent's is
 * not there; Apicurio's is a Quarkus application), so this serves, on 127.0.0.1:
 * <ul>
 *   <li>{@code POST /subjects/{subject}/versions}: registers {@code {"schema", "schemaType"}}, answers {@code {"id"}};
 *       the same schema again gets the same ID, under any subject, as in Confluent's and Redpanda's registries;</li>
 *   <li>{@code GET /schemas/ids/{id}}, {@code GET /subjects/{subject}/versions/latest} (and {@code /versions/{n}}),
 *       {@code GET /subjects/{subject}/versions}, {@code GET /subjects}, {@code DELETE /subjects/{subject}};</li>
 *   <li>{@code PUT /config/{subject}}: answers the level it is given, and keeps nothing.</li>
 * </ul>
 * It checks no compatibility and validates no schema: docs/redpanda-contract.md marks it as a stand-in.
 */
public final class SchemaRegistryServer implements AutoCloseable {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Server jetty;
  private final String url;

  private SchemaRegistryServer(Server jetty, String url) {
    this.jetty = jetty;
    this.url = url;
  }

  public static SchemaRegistryServer start() throws Exception {
    Shutdown.check("the Schema Registry");
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(FreePort.LOOPBACK);
    connector.setPort(0); // the kernel picks: no race with another run
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.addServlet(new ServletHolder(new Registry()), "/*");
    jetty.setHandler(context);
    jetty.start();
    return new SchemaRegistryServer(jetty, "http://" + FreePort.LOOPBACK + ":" + connector.getLocalPort());
  }

  public String url() {
    return url;
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }

  /** A registered schema: its text and type, as one ID names it. */
  private record Schema(String text, String type) {}

  /** The registry's state and its answers; synchronized, since producers and Connect tasks call it at once. */
  static final class Registry extends HttpServlet {
    private final List<Schema> byId = new ArrayList<>(); // ID n at index n - 1
    private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();

    @Override
    protected synchronized void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String[] path = segments(request.getPathInfo());
      String method = request.getMethod();
      try {
        if (method.equals("POST") && path.length == 3 && path[0].equals("subjects") && path[2].equals("versions")) {
          register(path[1], JSON.readTree(request.getInputStream()), response);
        } else if (method.equals("GET") && path.length == 3 && path[0].equals("schemas") && path[1].equals("ids")) {
          schemaById(Integer.parseInt(path[2]), response);
        } else if (method.equals("GET") && path.length == 1 && path[0].equals("subjects")) {
          answer(response, 200, JSON.valueToTree(subjects.keySet()));
        } else if (method.equals("GET") && path.length == 3 && path[0].equals("subjects") && path[2].equals("versions")) {
          answer(response, 200, JSON.valueToTree(versionNumbers(versions(path[1]))));
        } else if (method.equals("GET") && path.length == 4 && path[0].equals("subjects") && path[2].equals("versions")) {
          version(path[1], path[3], response);
        } else if (method.equals("PUT") && path.length == 2 && path[0].equals("config")) {
          JsonNode level = JSON.readTree(request.getInputStream()).path("compatibility");
          answer(response, 200, JSON.createObjectNode().put("compatibility", level.asText()));
        } else if (method.equals("DELETE") && path.length == 2 && path[0].equals("subjects")) {
          answer(response, 200, JSON.valueToTree(versionNumbers(versions(path[1]))));
          subjects.remove(path[1]);
        } else {
          error(response, 404, 404, "HTTP 404 Not Found: " + method + " " + request.getPathInfo());
        }
      } catch (NotFound e) {
        error(response, 404, e.code, e.getMessage());
      } catch (NumberFormatException | IOException e) {
        error(response, 422, 42201, "Invalid request: " + e.getMessage());
      }
    }

    private void register(String subject, JsonNode body, HttpServletResponse response) throws IOException {
      if (!body.path("schema").isTextual()) {
        error(response, 422, 42201, "Invalid schema: the request has no \"schema\" string");
        return;
      }
      Schema schema = new Schema(body.get("schema").asText(), body.path("schemaType").asText("AVRO"));
      int id = byId.indexOf(schema) + 1;
      if (id == 0) {
        byId.add(schema);
        id = byId.size();
      }
      List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
      if (!versions.contains(id)) {
        versions.add(id);
      }
      ObjectNode answer = JSON.createObjectNode().put("id", id);
      answer(response, 200, answer);
    }

    private void schemaById(int id, HttpServletResponse response) throws IOException {
      if (id < 1 || id > byId.size()) {
        throw new NotFound(40403, "Schema " + id + " not found");
      }
      answer(response, 200, describe(byId.get(id - 1), JSON.createObjectNode()));
    }

    private void version(String subject, String version, HttpServletResponse response) throws IOException {
      List<Integer> versions = versions(subject);
      int number = version.equals("latest") ? versions.size() : Integer.parseInt(version);
      if (number < 1 || number > versions.size()) {
        throw new NotFound(40402, "Version " + version + " not found.");
      }
      int id = versions.get(number - 1);
      ObjectNode answer = JSON.createObjectNode().put("subject", subject).put("version", number).put("id", id);
      answer(response, 200, describe(byId.get(id - 1), answer));
    }

    private List<Integer> versions(String subject) {
      List<Integer> versions = subjects.get(subject);
      if (versions == null) {
        throw new NotFound(40401, "Subject '" + subject + "' not found.");
      }
      return versions;
    }

    private static List<Integer> versionNumbers(List<Integer> versions) {
      List<Integer> numbers = new ArrayList<>();
      for (int i = 1; i <= versions.size(); i++) {
        numbers.add(i);
      }
      return numbers;
    }

    /** As Confluent's registry answers: no {@code schemaType} for Avro, the default. */
    private static ObjectNode describe(Schema schema, ObjectNode answer) {
      if (!schema.type().equals("AVRO")) {
        answer.put("schemaType", schema.type());
      }
      return answer.put("schema", schema.text());
    }

    private static String[] segments(String pathInfo) {
      if (pathInfo == null || pathInfo.equals("/")) {
        return new String[0];
      }
      String[] parts = pathInfo.substring(1).split("/");
      for (int i = 0; i < parts.length; i++) {
        parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
      }
      return parts;
    }

    private static void error(HttpServletResponse response, int status, int code, String message) throws IOException {
      answer(response, status, JSON.createObjectNode().put("error_code", code).put("message", message));
    }

    private static void answer(HttpServletResponse response, int status, JsonNode body) throws IOException {
      response.setStatus(status);
      response.setContentType(CONTENT_TYPE);
      response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
  }

  /** The registry's 404 answers, with Confluent's error codes. */
  private static final class NotFound extends RuntimeException {
    private final int code;

    NotFound(int code, String message) {
      super(message);
      this.code = code;
    }
  }
}
