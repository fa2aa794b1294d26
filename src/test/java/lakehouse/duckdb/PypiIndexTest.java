package lakehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lakehouse.stack.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Finding, downloading, checking and extracting an extension wheel through a "simple" index on 127.0.0.1. */
class PypiIndexTest {
  private static final byte[] EXTENSION = "pretend this is avro.duckdb_extension".getBytes(StandardCharsets.UTF_8);
  private static final String LINUX_WHEEL = "duckdb_extension_avro-1.5.5-py3-none-manylinux2014_x86_64.whl";
  private static final String MAC_WHEEL = "duckdb_extension_avro-1.5.5-py3-none-macosx_11_0_arm64.whl";

  @ParameterizedTest
  @EnumSource(FakePypiIndex.Format.class)
  void theWheelForThePlatformIsFoundDownloadedCheckedAndExtracted(FakePypiIndex.Format format, @TempDir Path dir) throws Exception {
    try (FakePypiIndex index = new FakePypiIndex(format)
        .host("duckdb-extension-avro", "duckdb_extension_avro-1.5.4-py3-none-manylinux2014_x86_64.whl", new byte[] {1})
        .host("duckdb-extension-avro", MAC_WHEEL, FakePypiIndex.wheel("avro", "1.5.5", new byte[] {2}, true))
        .host("duckdb-extension-avro", LINUX_WHEEL, FakePypiIndex.wheel("avro", "1.5.5", EXTENSION, true))) {
      PypiIndex pypi = indexAt(index.url());
      PypiIndex.IndexedFile wheel = ExtensionWheel.choose(pypi.files("duckdb-extension-avro"), "avro", "1.5.5", "linux_amd64");
      assertThat(wheel.filename()).isEqualTo(LINUX_WHEEL);

      Path download = dir.resolve("download.whl");
      pypi.download(wheel, download, bytes -> { });
      Path target = dir.resolve("v1.5.5/linux_amd64/avro.duckdb_extension");
      ExtensionWheel.extract(download, "avro", "1.5.5", target);

      assertThat(target).hasBinaryContent(EXTENSION);
      try (Stream<Path> files = Files.list(target.getParent())) {
        assertThat(files).as("nothing half-written is left beside the file").containsExactly(target);
      }
    }
  }

  @Test
  void aWheelWhoseSha256DiffersFromTheIndexIsRefusedAndRemoved(@TempDir Path dir) throws Exception {
    String wrong = FakePypiIndex.sha256Hex("another file".getBytes(StandardCharsets.UTF_8));
    try (FakePypiIndex index = new FakePypiIndex(FakePypiIndex.Format.JSON)
        .host("duckdb-extension-avro", LINUX_WHEEL, FakePypiIndex.wheel("avro", "1.5.5", EXTENSION, true), wrong)) {
      PypiIndex pypi = indexAt(index.url());
      PypiIndex.IndexedFile wheel = pypi.files("duckdb-extension-avro").get(0);

      assertThatThrownBy(() -> pypi.download(wheel, dir.resolve("download.whl"), bytes -> { }))
          .hasMessageContaining("refused " + LINUX_WHEEL).hasMessageContaining("the index publishes " + wrong);
      assertThat(dir.resolve("download.whl")).doesNotExist();
    }
  }

  @Test
  void aWheelWithoutAPublishedSha256IsRefused(@TempDir Path dir) throws Exception {
    try (FakePypiIndex index = new FakePypiIndex(FakePypiIndex.Format.HTML)
        .host("duckdb-extension-avro", LINUX_WHEEL, FakePypiIndex.wheel("avro", "1.5.5", EXTENSION, true), null)) {
      PypiIndex pypi = indexAt(index.url());

      assertThatThrownBy(() -> pypi.download(pypi.files("duckdb-extension-avro").get(0), dir.resolve("w.whl"), bytes -> { }))
          .hasMessageContaining("publishes no sha256 for " + LINUX_WHEEL);
    }
  }

  @Test
  void anExtensionFileThatDoesNotMatchTheWheelsRecordIsNotInstalled(@TempDir Path dir) throws Exception {
    Path wheel = Files.write(dir.resolve("w.whl"), FakePypiIndex.wheel("avro", "1.5.5", EXTENSION, false));
    Path target = dir.resolve("avro.duckdb_extension");

    assertThatThrownBy(() -> ExtensionWheel.extract(wheel, "avro", "1.5.5", target))
        .hasMessageContaining("does not match the sha256 its RECORD lists");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(wheel);
    }
  }

  @Test
  void aPlatformWithoutAWheelIsNamedWithWhatTheIndexHas() throws Exception {
    List<PypiIndex.IndexedFile> files = List.of(new PypiIndex.IndexedFile(LINUX_WHEEL, java.net.URI.create("http://x/a.whl"), "00"));

    assertThatThrownBy(() -> ExtensionWheel.choose(files, "avro", "1.5.5", "linux_amd64_musl"))
        .hasMessageContaining("duckdb-extension-avro==1.5.5 has no wheel for DuckDB's platform linux_amd64_musl")
        .hasMessageContaining(LINUX_WHEEL);
  }

  @Test
  void aClosedPortIsReportedAsRefusedAndNamesTheSetting() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    PypiIndex pypi = indexAt("http://127.0.0.1:" + closed + "/simple");

    assertThatThrownBy(() -> pypi.files("duckdb-extension-avro"))
        .hasMessageContaining("http://127.0.0.1:" + closed + "/simple/ (lakehouse.pypi.index-url) did not answer: connection refused");
  }

  @Test
  void theSettingWinsOverPipsVariableWhichWinsOverPyPI() {
    Map<String, String> pip = Map.of("PIP_INDEX_URL", "https://mirror.example/pypi/simple");

    assertThat(PypiIndex.from(new Settings(Map.of("lakehouse.pypi.index-url", "https://own.example/simple"), pip)).describe())
        .isEqualTo("https://own.example/simple/ (lakehouse.pypi.index-url)");
    assertThat(PypiIndex.from(new Settings(Map.of(), pip)).describe()).isEqualTo("https://mirror.example/pypi/simple/ (PIP_INDEX_URL)");
    assertThat(PypiIndex.from(new Settings(Map.of(), Map.of())).describe()).isEqualTo("https://pypi.org/simple/ (the default)");
  }

  @Test
  void aBadIndexUrlNamesTheSettingAndNeverItsPassword() {
    assertThatThrownBy(() -> PypiIndex.from(new Settings(Map.of(), Map.of("LAKEHOUSE_PYPI_INDEX_URL", "ftp://user:s3cret@mirror/simple"))))
        .hasMessageContaining("lakehouse.pypi.index-url (LAKEHOUSE_PYPI_INDEX_URL)=ftp://user:****@mirror/simple is not an http(s) URL")
        .hasMessageNotContaining("s3cret");
    assertThat(PypiIndex.from(new Settings(Map.of("lakehouse.pypi.index-url", "https://user:s3cret@mirror/simple"), Map.of()))
        .describe()).doesNotContain("s3cret");
  }

  @Test
  void projectNamesAreNormalizedAsPep503Says() {
    assertThat(PypiIndex.normalize("DuckDB_Extension.iceberg")).isEqualTo("duckdb-extension-iceberg");
  }

  private static PypiIndex indexAt(String url) {
    return PypiIndex.from(new Settings(Map.of("lakehouse.pypi.index-url", url), Map.of()));
  }
}
