package lakehouse.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import lakehouse.lifecycle.ChildProcesses;
import lakehouse.lifecycle.Directories;
import lakehouse.lifecycle.Owner;
import lakehouse.plugin.JsonSchemaConverter;
import lakehouse.stack.Endpoints;
import lakehouse.stack.connect.ConnectSecrets;
import lakehouse.stack.connect.ConnectWorkerConfig;
import lakehouse.stack.embedded.FreePort;

/**
 * A standalone Kafka Connect worker in a JVM of its own, as a Connect cluster outside the suite
 * would run it: Kafka Connect and the Apache Iceberg sink on its classpath, this project's
 * converter and transform only in the unpacked plugin archive on its {@code plugin.path}, and the
 * connectors' secrets in its environment. Everything it writes lives in one temporary directory,
 * which {@link #close()} deletes after stopping the process.
 */
final class ConnectWorkerJvm implements AutoCloseable {
  /** A class of the plugin; the worker's classpath must not hold it, or the archive would prove nothing. */
  static final String PLUGIN_CLASS_FILE = JsonSchemaConverter.class.getName().replace('.', '/') + ".class";
  private static final String SINK_CLASS_FILE = "org/apache/iceberg/connect/IcebergSinkConnector.class";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;
  private final String url;
  private final List<String> classpath;

  private ConnectWorkerJvm(Process process, Path log, String url, List<String> classpath) {
    this.process = process;
    this.log = log;
    this.url = url;
    this.classpath = classpath;
  }

  /**
   * Unpacks the archive, writes the worker's properties and starts it against the stack's broker;
   * returns once its REST API answers.
   *
   * @param logDir where {@code connect-worker.log} goes
   */
  static ConnectWorkerJvm start(Path pluginArchive, Endpoints endpoints, Duration commitInterval, Path logDir)
      throws IOException {
    // Named for this JVM, so a run that starts after this one was killed removes what is left of it.
    Path tmpDir = Owner.current().createTempDirectory("connect-plugin");
    ConnectWorkerJvm worker = null;
    try {
      Path pluginPath = Files.createDirectories(tmpDir.resolve("plugins"));
      unzip(pluginArchive, pluginPath);
      String url = "http://" + FreePort.LOOPBACK + ":" + FreePort.next();
      Path properties = tmpDir.resolve("worker.properties");
      // FileConfigProvider's allowed.paths must exist.
      Path secretsDir = Files.createDirectories(tmpDir.resolve("secrets"));
      writeProperties(properties, workerConfig(endpoints, commitInterval, url, pluginPath, tmpDir, secretsDir));
      List<String> classpath = classpathWithoutThePlugin();
      Files.createDirectories(logDir);
      Path log = logDir.resolve("connect-worker.log");
      // Marked as this JVM's child, so the next run stops it should this JVM be killed.
      List<String> command = ChildProcesses.javaCommand();
      command.addAll(List.of(
          "-Xmx512m",
          "-Djava.io.tmpdir=" + tmpDir,
          // Connect logs at INFO by default; warnings are what a failed run needs.
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-cp", String.join(java.io.File.pathSeparator, classpath),
          "org.apache.kafka.connect.cli.ConnectStandalone",
          properties.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(ConnectSecrets.environment(endpoints));
      // Started only while the run goes on, and stopped by this JVM's shutdown hook with its directory.
      worker = new ConnectWorkerJvm(ChildProcesses.start("the Connect worker JVM", builder, tmpDir), log, url, classpath);
      worker.awaitRestApi();
      return worker;
    } catch (IOException | RuntimeException e) {
      if (worker != null) {
        worker.close();
      } else {
        Directories.delete(tmpDir);
      }
      throw e;
    }
  }

  /**
   * The worker's configuration: the embedded worker's (the stack's broker, both secret providers,
   * which here read the secrets from the environment) plus the plugin directory.
   */
  static Map<String, String> workerConfig(Endpoints endpoints, Duration commitInterval, String url, Path pluginPath,
      Path tmpDir, Path secretsDir) {
    Map<String, String> config = new LinkedHashMap<>(
        ConnectWorkerConfig.of(endpoints.kafka(), tmpDir, url, commitInterval, secretsDir));
    config.put("plugin.path", pluginPath.toString());
    // This worker is thrown away once the run through it is checked. On SIGTERM it stops its twelve tasks one
    // after the other, each given up to 5 s by default: the spec took 21-56 s between runs, and once the stop ran past its 30 s grace.
    config.put("task.shutdown.graceful.timeout.ms", "1000");
    return config;
  }

  /**
   * This JVM's classpath without every entry that holds the plugin's classes, which in a Maven run
   * is target/classes or the project jar; the Iceberg sink and Kafka Connect stay.
   */
  static List<String> classpathWithoutThePlugin() {
    List<String> kept = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.isBlank() && !holds(Path.of(entry), PLUGIN_CLASS_FILE)) {
        kept.add(entry);
      }
    }
    if (kept.stream().noneMatch(entry -> holds(Path.of(entry), SINK_CLASS_FILE))) {
      throw new IllegalStateException("the Apache Iceberg sink (" + SINK_CLASS_FILE + ") is not on this JVM's classpath,"
          + " so no Connect worker can be started from it; run the spec through Maven (./mvnw verify)");
    }
    return kept;
  }

  /** Whether a classpath entry, a directory or a jar, holds the file. */
  static boolean holds(Path entry, String file) {
    if (Files.isDirectory(entry)) {
      return Files.exists(entry.resolve(file));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.getEntry(file) != null;
    } catch (IOException notAJar) {
      return false;
    }
  }

  String url() {
    return url;
  }

  List<String> classpath() {
    return classpath;
  }

  Path log() {
    return log;
  }

  /** The class of every plugin the worker loaded. */
  List<String> pluginClasses() {
    return ConnectRestConfigs.pluginClasses(url);
  }

  /** Every connector's configuration and its tasks' configurations, as the worker's REST API serves them. */
  Map<String, List<Map<String, String>>> storedConfigs() {
    return ConnectRestConfigs.of(url);
  }

  private void awaitRestApi() {
    await("the Connect worker at " + url + " to answer on its REST API (its log: " + log + ")")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("the Connect worker exited with " + process.exitValue() + "; its log:\n"
                + Files.readString(log));
          }
          return !ConnectRestConfigs.get(url, "/connector-plugins").isMissingNode();
        });
  }

  /** Stops the worker (SIGTERM, then SIGKILL after 30 s) and deletes its temporary directory. */
  @Override
  public void close() {
    ChildProcesses.stop(process, STOP_TIMEOUT);
    ChildProcesses.release(process);
  }

  private static void unzip(Path archive, Path into) throws IOException {
    try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException(archive + " holds " + entry.getName() + ", which points outside the directory");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    }
  }

  private static void writeProperties(Path file, Map<String, String> config) throws IOException {
    Properties properties = new Properties();
    properties.putAll(config);
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "Kafka Connect worker proving the lakehouse Connect plugin archive");
    }
  }

}
