package lakehouse.stack;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials written into a URL ({@code https://user:password@host/…}), as every HTTP client of the
 * suite takes them: sent as HTTP Basic authentication, never as part of the address. The user info is
 * percent-decoded, and a {@code +} in it stays a {@code +}.
 */
public final class BasicAuth {
  private BasicAuth() {}

  /** {@code Basic <base64 of user:password>} for the URL's user info; null when it has none. */
  public static String header(URI uri) {
    return uri.getRawUserInfo() == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8));
  }

  /** The same URL without its user info, which the JDK's HTTP client refuses. */
  public static URI withoutUserInfo(URI uri) {
    return uri.getRawUserInfo() == null ? uri : URI.create(uri.toString().replaceFirst("//[^/@]*@", "//"));
  }
}
