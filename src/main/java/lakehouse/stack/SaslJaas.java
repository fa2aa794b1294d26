package lakehouse.stack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code sasl.jaas.config} line the suite builds from {@code lakehouse.kafka.sasl-*}, and its
 * options read back: a value stands between double quotes, with {@code \} and {@code "} escaped.
 */
public final class SaslJaas {
  private SaslJaas() {}

  /** A value starting with {@code SCRAM} uses {@code ScramLoginModule}, any other {@code PlainLoginModule}. */
  public static String config(String mechanism, String username, String password) {
    String module = mechanism.startsWith("SCRAM")
        ? "org.apache.kafka.common.security.scram.ScramLoginModule"
        : "org.apache.kafka.common.security.plain.PlainLoginModule";
    return module + " required username=\"" + escape(username) + "\" password=\"" + escape(password) + "\";";
  }

  /** The option's value as written between the quotes, escapes kept. */
  public static Optional<String> escapedOption(String jaas, String option) {
    Matcher value = Pattern.compile("\\b" + Pattern.quote(option) + "=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(jaas);
    return value.find() ? Optional.of(value.group(1)) : Optional.empty();
  }

  /** The option's value itself. */
  public static Optional<String> option(String jaas, String option) {
    return escapedOption(jaas, option).map(value -> value.replaceAll("\\\\(.)", "$1"));
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
