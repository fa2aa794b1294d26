package lakehouse.stack.embedded;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import lakehouse.lifecycle.Shutdown;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergClients;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Apache Iceberg's reference REST catalog (the servlet behind the {@code iceberg-rest-fixture}
 * image) over a {@link JdbcCatalog} on PostgreSQL, on a Jetty bound to 127.0.0.1. It stands in for
 * Polaris: same REST protocol, but it checks no credentials and enforces no grants. It binds a port
 * the kernel picks (no race with another run between choosing a port and binding it), and keeps that
 * port across restarts, so clients reconnect to the same URI.
 */
final class RestCatalogServer implements AutoCloseable {
  private final Map<String, String> backendProperties;
  /** 0 until the first start binds one. */
  private int port;
  private final CommitRequestLog commitRequests = new CommitRequestLog();
  private Server jetty;
  private JdbcCatalog backend;

  private RestCatalogServer(Map<String, String> backendProperties, int port) {
    this.backendProperties = backendProperties;
    this.port = port;
  }

  static RestCatalogServer start(String jdbcUrl, String warehouse, Endpoints.S3 s3) throws Exception {
    Map<String, String> props = new HashMap<>(IcebergClients.s3FileIo(s3));
    props.put("io-impl", MetadataCachingFileIO.class.getName());
    props.put("uri", jdbcUrl);
    props.put("jdbc.user", "postgres");
    props.put("jdbc.password", "");
    props.put("jdbc.schema-version", "V1");
    props.put("warehouse", warehouse);
    RestCatalogServer server = new RestCatalogServer(props, 0);
    server.startServing();
    return server;
  }

  /** Opens the catalog on its database and serves it. */
  void startServing() throws Exception {
    Shutdown.check("the Iceberg REST catalog");
    backend = new JdbcCatalog();
    backend.setConf(new Configuration());
    backend.initialize("lakehouse", new HashMap<>(backendProperties));
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(FreePort.LOOPBACK);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backend))), "/*");
    context.addFilter(new FilterHolder(commitRequests), "/*", EnumSet.of(DispatcherType.REQUEST));
    jetty.setHandler(context);
    jetty.start();
    port = connector.getLocalPort();
  }

  /** Stops serving: clients get connection refused until {@link #startServing()}. */
  void stopServing() throws Exception {
    try {
      jetty.stop();
    } finally {
      backend.close();
    }
  }

  /** When each table's commit requests arrived, across restarts of the server. */
  CommitRequestLog commitRequests() {
    return commitRequests;
  }

  /** The base URI; the token endpoint is {@code <uri>/v1/oauth/tokens}. */
  String uri() {
    return "http://" + FreePort.LOOPBACK + ":" + port;
  }

  @Override
  public void close() throws Exception {
    stopServing();
  }
}
