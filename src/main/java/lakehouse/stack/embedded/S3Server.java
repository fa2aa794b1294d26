package lakehouse.stack.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import lakehouse.lifecycle.Shutdown;
import lakehouse.stack.Endpoints;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** S3Proxy on 127.0.0.1 over plain files: the embedded stand-in for MinIO. */
final class S3Server implements AutoCloseable {
  static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final Endpoints.S3 endpoint;

  private S3Server(S3Proxy proxy, Endpoints.S3 endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  static S3Server start(Path baseDir, String accessKey, String secretKey, String bucket) throws Exception {
    Shutdown.check("S3Proxy");
    Properties store = new Properties();
    store.setProperty("jclouds.filesystem.basedir", baseDir.toString());
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(BlobStores.create("filesystem-nio2", store))
        .endpoint(URI.create("http://" + FreePort.LOOPBACK + ":0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        // S3Proxy waits up to 30 s by default for requests still in flight when it stops (Jetty's graceful stop);
        // the stack stops it after every client, and an interrupted run has 60 s in all to leave nothing behind.
        .stopTimeout(2_000)
        .build();
    proxy.start();
    Awaitility.await("S3Proxy to report STARTED").atMost(java.time.Duration.ofSeconds(30))
        .pollInterval(java.time.Duration.ofMillis(10))
        .until(() -> "STARTED".equals(proxy.getState()));
    Endpoints.S3 endpoint = new Endpoints.S3(
        "http://" + FreePort.LOOPBACK + ":" + proxy.getPort(), REGION, accessKey, secretKey, true);
    S3Server server = new S3Server(proxy, endpoint);
    server.createBucket(bucket);
    return server;
  }

  Endpoints.S3 endpoint() {
    return endpoint;
  }

  private void createBucket(String bucket) {
    try (S3Client s3 = S3Client.builder()
        .endpointOverride(URI.create(endpoint.endpoint()))
        .region(Region.of(REGION))
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(endpoint.accessKey(), endpoint.secretKey())))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build()) {
      s3.createBucket(request -> request.bucket(bucket));
    }
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }
}
