package lakehouse.preflight;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lakehouse.stack.BasicAuth;
import lakehouse.stack.CatalogAuth;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Reaches every endpoint of an external stack at once, each within a few seconds, and says for
 * each one that fails which setting holds it, its address, and what answered: a refused
 * connection, silence, an unknown host, or an HTTP status. Nothing here creates anything.
 */
final class EndpointProbes {
  static final Duration CONNECT = Duration.ofSeconds(3);
  static final Duration ANSWER = Duration.ofSeconds(5);
  /** Every probe together: a TCP connection, then an answer, and a second of slack. */
  static final Duration ALL = CONNECT.plus(ANSWER).plusSeconds(2);

  private EndpointProbes() {}

  /** One line per endpoint that could not be reached; empty when all answered. */
  static List<String> unreachable(Endpoints endpoints) {
    Map<String, Callable<String>> probes = new LinkedHashMap<>();
    probes.put(ExternalSettings.KAFKA_BOOTSTRAP + "=" + endpoints.kafka().bootstrapServers(), () -> kafka(endpoints.kafka()));
    if (endpoints.connectUrl() != null) {
      probes.put(ExternalSettings.CONNECT_URL + "=" + endpoints.connectUrl(), () -> http(endpoints.connectUrl(), "", false));
    } else if (endpoints.schemaRegistryUrl() != null) {
      probes.put(ExternalSettings.SCHEMA_REGISTRY_URL + "=" + masked(endpoints.schemaRegistryUrl()),
          () -> http(endpoints.schemaRegistryUrl(), "subjects", false));
    }
    probes.put(ExternalSettings.CATALOG_URI + "=" + endpoints.catalog().uri() + " (token from "
        + ExternalSettings.CATALOG_TOKEN_URI + "=" + endpoints.catalog().tokenUri() + ")", () -> catalog(endpoints.catalog()));
    probes.put(ExternalSettings.S3_ENDPOINT + "=" + endpoints.s3().endpoint(), () -> http(endpoints.s3().endpoint(), "", true));

    ExecutorService pool = Executors.newFixedThreadPool(probes.size(), runnable -> {
      Thread thread = new Thread(runnable, "lakehouse-preflight-probe");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Map<String, Future<String>> answers = new LinkedHashMap<>();
      probes.forEach((endpoint, probe) -> answers.put(endpoint, pool.submit(probe)));
      List<String> failures = new ArrayList<>();
      long deadline = System.nanoTime() + ALL.toNanos();
      for (Map.Entry<String, Future<String>> answer : answers.entrySet()) {
        String failure;
        try {
          failure = answer.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          failure = "no answer within " + ALL.toSeconds() + " s";
        } catch (ExecutionException e) {
          failure = e.getCause().getMessage();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = "interrupted";
        }
        if (failure != null) {
          failures.add(answer.getKey() + ": " + failure);
        }
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A TCP connection to some bootstrap address, then one metadata request, which fails on wrong TLS or SASL settings. */
  static String kafka(Endpoints.Kafka kafka) {
    return kafka(kafka, ANSWER);
  }

  /** As {@link #kafka(Endpoints.Kafka)}, waiting {@code answer} for the metadata. */
  static String kafka(Endpoints.Kafka kafka, Duration answer) {
    List<String> refused = new ArrayList<>();
    boolean anyAccepted = false;
    for (String address : kafka.bootstrapServers().split(",")) {
      String failure = tcp(address.trim());
      if (failure == null) {
        anyAccepted = true;
      } else {
        refused.add(address.trim() + " " + failure);
      }
    }
    if (!anyAccepted) {
      return String.join("; ", refused);
    }
    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) answer.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) answer.toMillis());
    config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, CONNECT.toMillis());
    config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, CONNECT.toMillis());
    String silent = "accepted a TCP connection but sent no Kafka metadata within " + answer.toSeconds() + " s; check "
        + ExternalSettings.KAFKA_SECURITY_PROTOCOL + " and the SASL/TLS settings";
    try (Admin admin = Admin.create(config)) {
      // A little longer than the client's own timeout, so the client's answer is the one that counts.
      admin.describeCluster().clusterId().get(answer.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      return null;
    } catch (TimeoutException e) {
      return silent;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        return silent;
      }
      return "accepted a TCP connection but refused a Kafka metadata request: " + e.getCause()
          + "; check " + ExternalSettings.KAFKA_SECURITY_PROTOCOL + " and the SASL/TLS settings";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Null when something accepts a TCP connection at host:port in time, else what happened. */
  static String tcp(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      return "is not host:port";
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          (int) CONNECT.toMillis());
      return null;
    } catch (UnknownHostException e) {
      return "unknown host";
    } catch (SocketTimeoutException e) {
      return "no answer within " + CONNECT.toSeconds() + " s";
    } catch (ConnectException e) {
      return "connection refused";
    } catch (IOException | IllegalArgumentException e) {
      return e.toString();
    }
  }

  /**
   * Null when the URL answers with a 2xx status, or with any status where that proves the server
   * is there ({@code anyStatus}: S3 refuses anonymous requests with 403); else what answered.
   */
  static String http(String url, String path, boolean anyStatus) {
    URI base = URI.create(url.endsWith("/") ? url : url + "/");
    HttpRequest.Builder request = HttpRequest.newBuilder(BasicAuth.withoutUserInfo(base).resolve(path)).timeout(ANSWER).GET();
    if (BasicAuth.header(base) != null) {
      request.header("Authorization", BasicAuth.header(base));
    }
    return status(request.build(), anyStatus);
  }

  /** The token request (credentials refused fail here, naming the settings), then the catalog's config endpoint. */
  static String catalog(Endpoints.Catalog catalog) {
    String token;
    try {
      token = CatalogAuth.token(catalog);
    } catch (IOException e) {
      return "the token request to " + catalog.tokenUri() + " failed: " + reason(e);
    } catch (IllegalStateException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    String base = catalog.uri().endsWith("/") ? catalog.uri() : catalog.uri() + "/";
    String warehouse = catalog.warehouse() == null || catalog.warehouse().isBlank() ? ""
        : "?warehouse=" + java.net.URLEncoder.encode(catalog.warehouse(), StandardCharsets.UTF_8);
    return status(HttpRequest.newBuilder(URI.create(base + "v1/config" + warehouse)).timeout(ANSWER)
        .header("Authorization", "Bearer " + token).GET().build(), false);
  }

  private static String status(HttpRequest request, boolean anyStatus) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (anyStatus || response.statusCode() / 100 == 2) {
        return null;
      }
      return "answered HTTP " + response.statusCode() + " to GET " + request.uri().getPath()
          + response.headers().firstValue("Content-Type").map(type -> " (" + type + ")").orElse("");
    } catch (IOException e) {
      return reason(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static String reason(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection within " + CONNECT.toSeconds() + " s";
    }
    if (e instanceof HttpTimeoutException) {
      return "connected, but no answer within " + ANSWER.toSeconds() + " s";
    }
    // The JDK's HTTP client wraps an unknown host in a ConnectException: look for the most specific cause first.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
        return "unknown host";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "TLS failed: " + t.getMessage();
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
    }
    return e.toString();
  }

  private static String masked(String url) {
    return url.replaceFirst("//([^/:@]*):[^/@]*@", "//$1:****@");
  }
}
