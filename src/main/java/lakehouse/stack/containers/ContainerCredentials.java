package lakehouse.stack.containers;

import java.security.SecureRandom;
import java.util.HexFormat;
import lakehouse.stack.Secrets;

/**
 * The credentials one containers stack runs with, new for every run so none is ever written down.
 * {@code toString()} prints user names only.
 *
 * @param polarisClientId the client id of Polaris' bootstrapped root principal
 * @param polarisTokenKey the key Polaris signs and verifies its OAuth2 tokens with, so that tokens
 *     issued before a restart of Polaris stay valid after it (docs/containers-stack.md, "Tokens")
 */
record ContainerCredentials(
    String minioUser,
    String minioPassword,
    String polarisClientId,
    String polarisClientSecret,
    String postgresUser,
    String postgresPassword,
    String polarisTokenKey) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static ContainerCredentials generate() {
    return new ContainerCredentials("lakehouse", secret(), "root", secret(), "polaris", secret(), tokenKey());
  }

  /** Every secret value, so logs copied out of the containers can be masked. */
  String[] secrets() {
    return new String[] {minioPassword, polarisClientSecret, postgresPassword, polarisTokenKey};
  }

  /** MinIO wants at least 8 characters; 24 hex characters are also safe in YAML, URLs and env. */
  private static String secret() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** 32 random bytes for HMAC-SHA256, the key size of the hash (RFC 7518 §3.2 asks for at least that much). */
  private static String tokenKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return "ContainerCredentials[minioUser=" + minioUser + ", minioPassword=" + Secrets.MASK
        + ", polarisClientId=" + polarisClientId + ", polarisClientSecret=" + Secrets.MASK
        + ", postgresUser=" + postgresUser + ", postgresPassword=" + Secrets.MASK
        + ", polarisTokenKey=" + Secrets.MASK + "]";
  }
}
