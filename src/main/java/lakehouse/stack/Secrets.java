package lakehouse.stack;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Keeps credential values out of anything the suite prints or writes. */
public final class Secrets {
  public static final String MASK = "****";

  private Secrets() {}

  public static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("secret") || k.contains("password") || k.contains("token") || k.contains("sasl.jaas")
        || k.contains("credential");
  }

  public static Map<String, String> mask(Map<String, String> properties) {
    Map<String, String> masked = new TreeMap<>();
    properties.forEach((k, v) -> masked.put(k, isSecretKey(k) ? MASK : v));
    return masked;
  }
}
