package lakehouse.stack.containers;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Creates the bucket Redpanda and Polaris share. Redpanda never creates its Tiered Storage bucket
 * (containers-stack.md §3.3), so it must exist before Redpanda starts. An S3 client from the JVM,
 * not {@code mc} in the container, because whether the pinned image ships {@code mc} is unverified (§11).
 */
final class MinioBucket {
  private MinioBucket() {}

  /** @param s3Url MinIO's S3 API as the JVM reaches it, such as {@code http://localhost:32771} */
  static void create(String s3Url, ContainerCredentials credentials, String bucket) {
    try (S3Client s3 = S3Client.builder()
        .endpointOverride(URI.create(s3Url))
        .region(Region.of(StackWiring.REGION))
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(credentials.minioUser(), credentials.minioPassword())))
        // Several HTTP clients are on the classpath; the SDK refuses to pick one itself.
        .httpClient(UrlConnectionHttpClient.create())
        .build()) {
      s3.createBucket(request -> request.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException alreadyThere) {
      // the state this step wants
    }
  }
}
