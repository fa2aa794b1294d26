package lakehouse.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one size's CPU went, measured in this JVM while its batches ran: the process's CPU time against
 * the wall clock and the cores, the JIT compilers' and the garbage collectors' share, the Iceberg sink
 * task's own thread, and that thread's hot spots from JFR execution samples (every 10 ms), grouped by
 * what the code does. This is the profile excerpt behind each missed target in benchmark.md.
 */
final class CpuBudget implements AutoCloseable {
  /** Stack frames, leaf first, grouped by the first frame that names a known component. */
  private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

  static {
    COMPONENTS.put("lakehouse/schema/RecordTranslation", "translation (RecordTranslation)");
    COMPONENTS.put("lakehouse/schema/Rfc3339", "translation (RecordTranslation)");
    COMPONENTS.put("com/fasterxml/jackson", "JSON parsing (Jackson)");
    COMPONENTS.put("lakehouse/stack/connect", "redpanda struct and table transforms");
    COMPONENTS.put("org/apache/iceberg/connect/data/RecordConverter", "Iceberg sink record conversion");
    COMPONENTS.put("org/apache/parquet", "Parquet encoding");
    COMPONENTS.put("org/apache/iceberg", "Iceberg writers (partitioning, file management)");
    COMPONENTS.put("software/amazon", "S3 uploads");
    COMPONENTS.put("org/apache/kafka/clients", "Kafka consumer");
    COMPONENTS.put("org/apache/kafka/connect", "Kafka Connect runtime");
  }

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Recording recording = new Recording();
  private final long startNanos = System.nanoTime();
  private final long startCpuNanos = processCpuNanos();
  private final long startJitMs = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  private final long startGcMs = gcMillis();
  private final Map<Long, Long> startThreadCpu = new HashMap<>();

  /** What the budget found, for benchmark.json and benchmark.md. */
  record Budget(long wallMs, int cores, long processCpuMs, long jitMs, long gcMs, long writerCpuMs,
      Map<String, Integer> writerHotSpotsPercent) {}

  CpuBudget() {
    for (long id : threads.getAllThreadIds()) {
      startThreadCpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    recording.start();
  }

  /**
   * @param writerThreadPrefix the name prefix of the sink task's thread, {@code task-thread-iceberg-<topic>-}
   * @param workDir where the recording is written, then read
   */
  Budget finish(String writerThreadPrefix, Path workDir) throws IOException {
    recording.stop();
    long writerCpuNanos = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(writerThreadPrefix)) {
        writerCpuNanos += threads.getThreadCpuTime(info.getThreadId()) - startThreadCpu.getOrDefault(info.getThreadId(), 0L);
      }
    }
    Path file = workDir.resolve("cpu-budget.jfr");
    recording.dump(file);
    Map<String, Integer> hotSpots = writerHotSpots(file);
    Files.deleteIfExists(file);
    return new Budget((System.nanoTime() - startNanos) / 1_000_000, Runtime.getRuntime().availableProcessors(),
        (processCpuNanos() - startCpuNanos) / 1_000_000,
        ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - startJitMs, gcMillis() - startGcMs,
        writerCpuNanos / 1_000_000, hotSpots);
  }

  /** The writer's samples are those inside the Iceberg sink task; JFR names threads as they started, so frames tell. */
  private static Map<String, Integer> writerHotSpots(Path file) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    int total = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.stream().noneMatch(f -> f.getMethod().getType().getName().equals("org.apache.kafka.connect.runtime.WorkerSinkTask"))) {
        continue;
      }
      total++;
      counts.merge(component(frames), 1, Integer::sum);
    }
    Map<String, Integer> percent = new LinkedHashMap<>();
    int all = Math.max(1, total);
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> percent.put(e.getKey(), Math.round(100f * e.getValue() / all)));
    return percent;
  }

  private static String component(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName().replace('.', '/');
      for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
        if (type.startsWith(component.getKey())) {
          return component.getValue();
        }
      }
    }
    return "other";
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
  }

  @Override
  public void close() {
    recording.close();
  }
}
