package lakehouse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lakehouse.lifecycle.ChildMain;
import lakehouse.lifecycle.ChildProcesses;
import org.awaitility.Awaitility;

/**
 * Kafka's own producer benchmark, {@code org.apache.kafka.tools.ProducerPerformance}, in a JVM of
 * its own against the same broker, with the trades' own JSON as payloads and the suite's producer
 * settings: the physical limit ingest is compared with.
 */
final class ProducerPerformanceRun {
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

  private ProducerPerformanceRun() {}

  static double recordsPerSecond(String bootstrapServers, String topic, int records, Path payloadFile,
      Map<String, Object> producerSettings, Path log) throws IOException {
    // Through ChildMain, so the tool exits when this JVM goes away, even by SIGKILL.
    List<String> command = new ArrayList<>(ChildProcesses.javaCommand());
    command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), ChildMain.class.getName(),
        "org.apache.kafka.tools.ProducerPerformance",
        "--topic", topic, "--num-records", Integer.toString(records), "--throughput", "-1",
        "--payload-file", payloadFile.toString(), "--producer-props", "bootstrap.servers=" + bootstrapServers));
    producerSettings.forEach((key, value) -> command.add(key + "=" + value));
    Process process = ChildProcesses.start("Kafka's ProducerPerformance",
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()), null);
    try {
      Awaitility.await("ProducerPerformance to send " + records + " records").atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(100)).until(() -> !process.isAlive());
    } finally {
      ChildProcesses.release(process);
    }
    String output = Files.readString(log);
    Matcher last = null;
    for (Matcher m = SUMMARY.matcher(output); m.find(); ) {
      last = SUMMARY.matcher(m.group());
      last.find();
    }
    if (process.exitValue() != 0 || last == null || Integer.parseInt(last.group(1)) != records) {
      throw new IllegalStateException("ProducerPerformance did not report " + records + " records sent; see " + log);
    }
    return Double.parseDouble(last.group(2));
  }
}
