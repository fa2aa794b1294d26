package lakehouse.stack.redpanda;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Redpanda release, as an image tag ({@code v25.3.11}) or a broker reports it
 * ({@code v25.3.11 - 6a4f0c9…}, the {@code redpanda_version()} format of Redpanda's
 * {@code src/v/version/version.cc.in}), and the oldest release the suite accepts.
 */
public record RedpandaVersion(int major, int minor, int patch) implements Comparable<RedpandaVersion> {
  /** The oldest release whose Iceberg tables look the way the spec asserts. */
  public static final RedpandaVersion MINIMUM = new RedpandaVersion(25, 3, 0);

  /** Why older releases are refused (redpanda-iceberg-contract.md §6, §9). */
  public static final String WHY_MINIMUM = "25.2 writes redpanda.timestamp as a timestamp without time zone and has no"
      + " timestamp_type column (Redpanda's 25.3 migration guide), and 25.2 builds from before the backport of"
      + " Redpanda PR #27413 (2025-08-29) write no total-records into snapshot summaries";

  private static final Pattern RELEASE = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** The release at the start of a tag or version string; empty for a digest, a custom tag or a dev build's text. */
  public static Optional<RedpandaVersion> parse(String text) {
    Matcher release = RELEASE.matcher(text.trim());
    if (!release.find()) {
      return Optional.empty();
    }
    return Optional.of(new RedpandaVersion(Integer.parseInt(release.group(1)), Integer.parseInt(release.group(2)),
        release.group(3) == null ? 0 : Integer.parseInt(release.group(3))));
  }

  public boolean isSupported() {
    return compareTo(MINIMUM) >= 0;
  }

  /**
   * Refuses a release older than {@link #MINIMUM}, naming where it was found.
   *
   * @param where what reported the version, such as {@code lakehouse.image.redpanda=…} or a broker
   * @param reported the text as found, quoted in the error
   */
  public void requireSupported(String where, String reported) {
    if (!isSupported()) {
      throw new IllegalArgumentException(where + " is Redpanda " + reported.trim() + ", older than the suite's minimum "
          + MINIMUM.major + "." + MINIMUM.minor + ": " + WHY_MINIMUM + ". Use Redpanda " + MINIMUM.major + "."
          + MINIMUM.minor + " or newer.");
    }
  }

  @Override
  public int compareTo(RedpandaVersion other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return "v" + major + "." + minor + "." + patch;
  }
}
