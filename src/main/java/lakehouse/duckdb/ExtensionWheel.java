package lakehouse.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * DuckDB's official extension files as the PyPI wheels {@code duckdb-extension-<name>} carry them:
 * one wheel per DuckDB release and platform, holding the signed, uncompressed file at
 * {@code duckdb_extension_<name>/extensions/v<version>/<name>.duckdb_extension}.
 */
final class ExtensionWheel {
  private ExtensionWheel() {}

  static String project(String extension) {
    return "duckdb-extension-" + extension;
  }

  static String member(String extension, String version) {
    return distribution(extension) + "/extensions/v" + version + "/" + extension + ".duckdb_extension";
  }

  /**
   * The one wheel of this extension, release and DuckDB platform ({@code PRAGMA platform}) among
   * the project's files, or an error that lists what the index does have.
   */
  static PypiIndex.IndexedFile choose(List<PypiIndex.IndexedFile> files, String extension, String version, String platform) {
    Predicate<String> platformTag = platformTag(platform);
    String prefix = distribution(extension) + "-" + version + "-";
    List<PypiIndex.IndexedFile> release = files.stream()
        .filter(file -> file.filename().startsWith(prefix) && file.filename().endsWith(".whl"))
        .toList();
    for (PypiIndex.IndexedFile file : release) {
      String[] parts = file.filename().substring(0, file.filename().length() - ".whl".length()).split("-");
      // name-version[-build]-python-abi-platform; a platform tag may be a '.'-joined set.
      for (String tag : parts[parts.length - 1].split("\\.")) {
        if (platformTag.test(tag)) {
          return file;
        }
      }
    }
    String has = release.isEmpty()
        ? "no files of release " + version
        : release.stream().map(PypiIndex.IndexedFile::filename).collect(Collectors.joining(", "));
    throw new IllegalStateException(project(extension) + "==" + version + " has no wheel for DuckDB's platform "
        + platform + " on the index (it has " + has + ")");
  }

  /**
   * The wheel platform tags that carry a DuckDB platform's files: manylinux for glibc Linux, macOS
   * by architecture, win_amd64. Platforms no wheel is built for (musl, wasm) match nothing.
   */
  static Predicate<String> platformTag(String duckdbPlatform) {
    return switch (duckdbPlatform) {
      case "linux_amd64" -> tag -> tag.startsWith("manylinux") && tag.endsWith("_x86_64");
      case "linux_arm64" -> tag -> tag.startsWith("manylinux") && tag.endsWith("_aarch64");
      case "osx_arm64" -> tag -> tag.startsWith("macosx_") && (tag.endsWith("_arm64") || tag.endsWith("_universal2"));
      case "osx_amd64" -> tag -> tag.startsWith("macosx_") && (tag.endsWith("_x86_64") || tag.endsWith("_universal2"));
      case "windows_amd64" -> tag -> tag.equals("win_amd64");
      default -> tag -> false;
    };
  }

  /**
   * Extracts the extension file from a downloaded wheel into {@code target}, checked against the
   * sha256 the wheel's own RECORD lists for it. It is written beside the target and then moved over
   * it in one step, so a concurrent run never sees half a file.
   */
  static void extract(Path wheel, String extension, String version, Path target) throws IOException {
    String member = member(extension, version);
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
    partial.toFile().deleteOnExit();
    try (ZipFile zip = new ZipFile(wheel.toFile())) {
      ZipEntry entry = zip.getEntry(member);
      if (entry == null) {
        throw new IOException(wheel.getFileName() + " holds no " + member);
      }
      String recorded = recordedSha256(zip, member);
      MessageDigest sha256 = sha256();
      try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(partial)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
          sha256.update(buffer, 0, n);
        }
      }
      String actual = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
      if (!actual.equals(recorded)) {
        throw new IOException(member + " in " + wheel.getFileName() + " does not match the sha256 its RECORD lists");
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The wheel's RECORD line for a member: {@code path,sha256=<urlsafe base64, no padding>,size}. */
  private static String recordedSha256(ZipFile zip, String member) throws IOException {
    String record = distribution(zip) + ".dist-info/RECORD";
    ZipEntry entry = zip.getEntry(record);
    if (entry == null) {
      throw new IOException("the wheel has no " + record);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
        String[] fields = line.split(",");
        if (fields.length >= 2 && fields[0].equals(member) && fields[1].startsWith("sha256=")) {
          return fields[1].substring("sha256=".length());
        }
      }
    }
    throw new IOException("the wheel's RECORD lists no sha256 for " + member);
  }

  /** {@code duckdb_extension_iceberg-1.5.5}: the dist-info directory's stem, from the wheel's own entries. */
  private static String distribution(ZipFile zip) throws IOException {
    return zip.stream().map(ZipEntry::getName)
        .filter(name -> name.endsWith(".dist-info/RECORD"))
        .map(name -> name.substring(0, name.length() - ".dist-info/RECORD".length()))
        .findFirst().orElseThrow(() -> new IOException("the wheel has no .dist-info/RECORD"));
  }

  private static String distribution(String extension) {
    return "duckdb_extension_" + extension;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
