package lakehouse.stack;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.rest.RESTCatalog;

/** Iceberg client properties for a stack's endpoints, shared by every Iceberg client the suite opens. */
public final class IcebergClients {
  private IcebergClients() {}

  /** S3FileIO against the stack's own store. Mutable, because some Iceberg calls modify their map. */
  public static Map<String, String> s3FileIo(Endpoints.S3 s3) {
    Map<String, String> props = new HashMap<>();
    props.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    props.put("s3.endpoint", s3.endpoint());
    props.put("s3.path-style-access", Boolean.toString(s3.pathStyle()));
    props.put("s3.access-key-id", s3.accessKey());
    props.put("s3.secret-access-key", s3.secretKey());
    props.put("client.region", s3.region());
    return props;
  }

  /** A REST catalog client: OAuth2 client credentials, the warehouse, and S3FileIO. */
  public static Map<String, String> restCatalog(Endpoints endpoints) {
    Endpoints.Catalog catalog = endpoints.catalog();
    Map<String, String> props = s3FileIo(endpoints.s3());
    props.put("uri", catalog.uri());
    props.put("warehouse", catalog.warehouse());
    props.put("rest.auth.type", "oauth2");
    props.put("credential", catalog.clientId() + ":" + catalog.clientSecret());
    props.put("oauth2-server-uri", catalog.tokenUri());
    if (catalog.scope() != null && !catalog.scope().isBlank()) {
      props.put("scope", catalog.scope());
    }
    return props;
  }

  public static RESTCatalog openRestCatalog(String name, Endpoints endpoints) {
    RESTCatalog catalog = new RESTCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize(name, restCatalog(endpoints));
    return catalog;
  }
}
