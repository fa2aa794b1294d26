package lakehouse.stack.embedded;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lakehouse.stack.CommitRequests;

/**
 * A servlet filter in front of the REST catalog that notes when each table's commit request
 * ({@code POST /v1/[prefix/]namespaces/{ns}/tables/{table}}, the Iceberg REST spec's updateTable)
 * arrives. Nothing else is recorded, and nothing is changed.
 */
final class CommitRequestLog implements Filter, CommitRequests {
  private static final Pattern UPDATE_TABLE = Pattern.compile("/v1/(?:[^/]+/)?namespaces/([^/]+)/tables/([^/]+)");
  /** Enough for any run: the benchmark commits about once a second per table. */
  private static final int KEPT_PER_TABLE = 100_000;

  private final Map<String, ConcurrentLinkedDeque<Instant>> arrivals = new ConcurrentHashMap<>();

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && "POST".equals(http.getMethod())) {
      Matcher table = UPDATE_TABLE.matcher(http.getRequestURI());
      if (table.matches()) {
        ConcurrentLinkedDeque<Instant> times = arrivals.computeIfAbsent(
            decode(table.group(1)) + "." + decode(table.group(2)), key -> new ConcurrentLinkedDeque<>());
        times.addLast(Instant.now());
        if (times.size() > KEPT_PER_TABLE) {
          times.pollFirst();
        }
      }
    }
    chain.doFilter(request, response);
  }

  @Override
  public Optional<Instant> firstAtOrAfter(String namespace, String table, Instant notBefore) {
    return arrivals.getOrDefault(namespace + "." + table, new ConcurrentLinkedDeque<>()).stream()
        .filter(at -> !at.isBefore(notBefore))
        .findFirst();
  }

  /** Namespace levels are joined by the unit separator, %1F, in REST paths. */
  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8).replace('\u001f', '.');
  }
}
