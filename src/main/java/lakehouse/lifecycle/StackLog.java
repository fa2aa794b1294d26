package lakehouse.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Each JVM's stack log is a file of its own, in its own report directory: {@code
 * <report-dir>/lakehouse-stack.log}, a child JVM's in its child report directory. slf4j-simple opens
 * its log file once, truncating it, when the first logger is made; one file shared by a parent and
 * its children was cut short by every child that started, and the parent's later lines then landed
 * behind a run of NUL bytes.
 */
public final class StackLog {
  /** slf4j-simple's setting for its output file (org.slf4j.simple.SimpleLoggerConfiguration). */
  public static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
  public static final String FILE_NAME = "lakehouse-stack.log";

  private StackLog() {}

  /**
   * Points this JVM's slf4j-simple at {@code <reportDir>/lakehouse-stack.log}, unless a log file was
   * set already (a child JVM gets its own on its command line). Must run before the first logger is
   * made, so it runs when the extension is loaded.
   */
  public static Path useReportDir(Path reportDir) {
    String configured = System.getProperty(LOG_FILE_PROPERTY);
    if (configured != null) {
      return Path.of(configured);
    }
    Path file = reportDir.resolve(FILE_NAME).toAbsolutePath();
    try {
      // slf4j-simple falls back to stderr when the file cannot be opened, so its directory must exist.
      Files.createDirectories(reportDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report directory " + reportDir, e);
    }
    System.setProperty(LOG_FILE_PROPERTY, file.toString());
    return file;
  }

  /** This JVM's stack log, as slf4j-simple was told. */
  public static Path current() {
    String configured = System.getProperty(LOG_FILE_PROPERTY);
    return configured == null ? null : Path.of(configured);
  }
}
