package lakehouse.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lakehouse.stack.BasicAuth;
import lakehouse.stack.Settings;

/**
 * A Python package index spoken to through the standard "simple" repository API, so PyPI and its
 * mirrors (devpi, Artifactory, Nexus, a static directory) all work: one page per project listing
 * its files, as PEP 691 JSON where the index offers it and PEP 503 HTML otherwise. Every file is
 * checked against the sha256 the index publishes for it; a file without one, or with another, is
 * refused.
 */
public final class PypiIndex {
  public static final String INDEX_URL = "lakehouse.pypi.index-url";
  /** pip's own setting for a mirror, honoured when {@link #INDEX_URL} is not set. */
  public static final String PIP_INDEX_URL = "PIP_INDEX_URL";
  static final String DEFAULT_INDEX = "https://pypi.org/simple";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCEPT =
      "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";
  private static final Pattern ANCHOR = Pattern.compile(
      "<a\\s[^>]*?href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*>(.*?)</a\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration DOWNLOAD_HEADERS_TIMEOUT = Duration.ofSeconds(30);

  /** One file of a project, as the index lists it. */
  public record IndexedFile(String filename, URI url, String sha256) {}

  private final URI base;
  private final String source;
  private final String authorization;
  private final HttpClient http;

  PypiIndex(URI base, String source) {
    this.base = base.getPath().endsWith("/") ? base : URI.create(base + "/");
    this.source = source;
    this.authorization = BasicAuth.header(base);
    // The JDK's proxy settings (-Dhttps.proxyHost=…) apply, as for Maven's own downloads.
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).proxy(ProxySelector.getDefault()).build();
  }

  /** {@code lakehouse.pypi.index-url}, else pip's {@code PIP_INDEX_URL}, else PyPI itself. */
  public static PypiIndex from(Settings settings) {
    if (settings.get(INDEX_URL).isPresent()) {
      return new PypiIndex(parse(settings.get(INDEX_URL).get(), INDEX_URL + " (" + Settings.environmentName(INDEX_URL) + ")"),
          INDEX_URL);
    }
    if (settings.environmentVariable(PIP_INDEX_URL).isPresent()) {
      return new PypiIndex(parse(settings.environmentVariable(PIP_INDEX_URL).get(), PIP_INDEX_URL), PIP_INDEX_URL);
    }
    return new PypiIndex(URI.create(DEFAULT_INDEX), "the default");
  }

  private static URI parse(String value, String setting) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException ignored) {
      // the error below names the setting
    }
    throw new IllegalArgumentException(setting + "=" + Secretless.of(value) + " is not an http(s) URL of a PyPI"
        + " \"simple\" index, such as " + DEFAULT_INDEX + "; set -D" + INDEX_URL + "=… or "
        + Settings.environmentName(INDEX_URL) + " to a valid value");
  }

  /** The index, for messages: its URL with any password masked, and the setting it came from. */
  public String describe() {
    return Secretless.of(base.toString()) + " (" + source + ")";
  }

  /** The files of a project, from {@code <index>/<normalized name>/}. */
  public List<IndexedFile> files(String project) throws IOException, InterruptedException {
    URI page = base.resolve(normalize(project) + "/");
    HttpResponse<String> response;
    try {
      response = http.send(request(page, PAGE_TIMEOUT).header("Accept", ACCEPT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IOException("the index " + describe() + " did not answer: " + reason(e), e);
    }
    if (response.statusCode() == 404) {
      throw new IOException("the index " + describe() + " has no project " + project + " (HTTP 404 for " + Secretless.of(page.toString()) + ")");
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the index " + describe() + " answered HTTP " + response.statusCode() + " for " + Secretless.of(page.toString()));
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    return contentType.contains("json") ? fromJson(response.uri(), response.body()) : fromHtml(response.uri(), response.body());
  }

  /**
   * Downloads a file to {@code target}, reporting bytes read as they arrive, and checks it against
   * the index's sha256; a file that does not match is deleted and refused.
   */
  public void download(IndexedFile file, Path target, LongConsumer bytesRead) throws IOException, InterruptedException {
    if (file.sha256() == null) {
      throw new IOException("the index " + describe() + " publishes no sha256 for " + file.filename()
          + ", so it cannot be checked; use an index that does (PyPI and pip-compatible mirrors do)");
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request(file.url(), DOWNLOAD_HEADERS_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new IOException("downloading " + file.filename() + " from " + Secretless.of(file.url().toString()) + " failed: " + reason(e), e);
    }
    MessageDigest sha256 = sha256();
    try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(target)) {
      if (response.statusCode() / 100 != 2) {
        throw new IOException("downloading " + file.filename() + " from " + Secretless.of(file.url().toString())
            + " answered HTTP " + response.statusCode());
      }
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
        sha256.update(buffer, 0, n);
        total += n;
        bytesRead.accept(total);
      }
    } catch (IOException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    String actual = HexFormat.of().formatHex(sha256.digest());
    if (!actual.equalsIgnoreCase(file.sha256())) {
      Files.deleteIfExists(target);
      throw new IOException("refused " + file.filename() + " from " + describe() + ": its sha256 is " + actual
          + " but the index publishes " + file.sha256() + "; the download was corrupted or the mirror serves another file");
    }
  }

  private HttpRequest.Builder request(URI uri, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(BasicAuth.withoutUserInfo(uri)).timeout(timeout);
    if (authorization != null && uri.getHost() != null && uri.getHost().equalsIgnoreCase(base.getHost())) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  /** PEP 691: {@code {"files": [{"filename", "url", "hashes": {"sha256"}}]}}; URLs may be relative to the page. */
  static List<IndexedFile> fromJson(URI page, String body) throws IOException {
    List<IndexedFile> files = new ArrayList<>();
    for (JsonNode file : JSON.readTree(body).path("files")) {
      String sha256 = file.path("hashes").path("sha256").asText(null);
      files.add(new IndexedFile(file.path("filename").asText(), page.resolve(file.path("url").asText()), sha256));
    }
    return files;
  }

  /** PEP 503: one anchor per file, the file name as its text, the hash as the URL fragment {@code #sha256=…}. */
  static List<IndexedFile> fromHtml(URI page, String body) {
    List<IndexedFile> files = new ArrayList<>();
    Matcher anchor = ANCHOR.matcher(body);
    while (anchor.find()) {
      String href = unescape(anchor.group(1) != null ? anchor.group(1) : anchor.group(2)).trim();
      String text = unescape(anchor.group(3).replaceAll("<[^>]*>", "")).trim();
      URI url = page.resolve(href.replace(" ", "%20"));
      String sha256 = null;
      if (url.getFragment() != null && url.getFragment().startsWith("sha256=")) {
        sha256 = url.getFragment().substring("sha256=".length());
      }
      String filename = text.isEmpty() ? url.getPath().substring(url.getPath().lastIndexOf('/') + 1) : text;
      files.add(new IndexedFile(filename, withoutFragment(url), sha256));
    }
    return files;
  }

  /** PEP 503 name normalization: lower case, runs of {@code -_.} become one {@code -}. */
  static String normalize(String project) {
    return project.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&#x27;", "'").replace("&amp;", "&");
  }

  private static URI withoutFragment(URI uri) {
    String text = uri.toString();
    int hash = text.indexOf('#');
    return hash < 0 ? uri : URI.create(text.substring(0, hash));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What went wrong on the wire, in words: "connection refused", "no answer within 5 s", "unknown host". */
  static String reason(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer in time";
    }
    // The JDK's HTTP client wraps an unknown host in a ConnectException: look for the most specific cause first.
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
        return "unknown host";
      }
      root = t;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** URLs as they may be printed: a password in them is masked. */
  static final class Secretless {
    private Secretless() {}

    static String of(String url) {
      return url.replaceFirst("//([^/:@]*):[^/@]*@", "//$1:****@");
    }
  }
}
