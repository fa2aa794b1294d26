package lakehouse.duckdb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A PyPI "simple" index on 127.0.0.1, for tests: project pages as PEP 691 JSON or PEP 503 HTML
 * with relative file URLs, and the wheels themselves, built here the way the
 * duckdb-extension-* wheels are laid out.
 */
final class FakePypiIndex implements AutoCloseable {
  enum Format { JSON, HTML }

  private record Hosted(byte[] content, String publishedSha256) {}

  private final HttpServer server;
  private final Map<String, Map<String, Hosted>> projects = new LinkedHashMap<>();
  private final Format format;

  FakePypiIndex(Format format) throws IOException {
    this.format = format;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/simple/", this::page);
    server.createContext("/files/", this::file);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/simple";
  }

  /** Hosts a file under a project; the index publishes its real sha256. */
  FakePypiIndex host(String project, String filename, byte[] content) throws Exception {
    return host(project, filename, content, sha256Hex(content));
  }

  /** Hosts a file whose published sha256 is whatever the test says, such as a wrong one. */
  FakePypiIndex host(String project, String filename, byte[] content, String publishedSha256) {
    projects.computeIfAbsent(project, key -> new LinkedHashMap<>()).put(filename, new Hosted(content, publishedSha256));
    return this;
  }

  /** A wheel as duckdb-extension-&lt;name&gt; builds them: the file, and a RECORD with its urlsafe sha256. */
  static byte[] wheel(String extension, String version, byte[] extensionFile, boolean recordMatches) throws Exception {
    String distribution = "duckdb_extension_" + extension;
    String member = distribution + "/extensions/v" + version + "/" + extension + ".duckdb_extension";
    byte[] recorded = recordMatches ? extensionFile : "something else".getBytes(StandardCharsets.UTF_8);
    String record = distribution + "/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n"
        + member + ",sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(recorded)) + "," + extensionFile.length + "\n"
        + distribution + "-" + version + ".dist-info/RECORD,,\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, distribution + "/__init__.py", new byte[0]);
      entry(zip, member, extensionFile);
      entry(zip, distribution + "-" + version + ".dist-info/RECORD", record.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private void page(HttpExchange exchange) throws IOException {
    String project = exchange.getRequestURI().getPath().substring("/simple/".length()).replace("/", "");
    Map<String, Hosted> files = projects.get(project);
    if (files == null) {
      respond(exchange, 404, "text/plain", "no such project".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (format == Format.JSON) {
      String json = files.entrySet().stream()
          .map(e -> "{\"filename\":\"" + e.getKey() + "\",\"url\":\"../../files/" + e.getKey() + "\",\"hashes\":"
              + (e.getValue().publishedSha256() == null ? "{}" : "{\"sha256\":\"" + e.getValue().publishedSha256() + "\"}") + "}")
          .collect(Collectors.joining(",", "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"" + project + "\",\"files\":[", "]}"));
      respond(exchange, 200, "application/vnd.pypi.simple.v1+json", json.getBytes(StandardCharsets.UTF_8));
    } else {
      String html = files.entrySet().stream()
          .map(e -> "    <a href=\"/files/" + e.getKey()
              + (e.getValue().publishedSha256() == null ? "" : "#sha256=" + e.getValue().publishedSha256())
              + "\" data-requires-python=\"&gt;=3.9\">" + e.getKey() + "</a><br/>")
          .collect(Collectors.joining("\n", "<!DOCTYPE html>\n<html><body>\n<h1>Links for " + project + "</h1>\n", "\n</body></html>"));
      respond(exchange, 200, "text/html", html.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void file(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring("/files/".length());
    for (Map<String, Hosted> files : projects.values()) {
      if (files.containsKey(name)) {
        respond(exchange, 200, "application/octet-stream", files.get(name).content());
        return;
      }
    }
    respond(exchange, 404, "text/plain", new byte[0]);
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String sha256Hex(byte[] content) throws Exception {
    return HexFormat.of().formatHex(sha256(content));
  }

  private static byte[] sha256(byte[] content) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(content);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
