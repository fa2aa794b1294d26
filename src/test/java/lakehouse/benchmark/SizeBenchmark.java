package lakehouse.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lakehouse.Lakehouse;
import lakehouse.pipeline.FreshnessParts;
import lakehouse.pipeline.Message;
import lakehouse.pipeline.Pipeline;
import lakehouse.pipeline.Produced;
import lakehouse.pipeline.Producing;
import lakehouse.pipeline.Visibility;
import lakehouse.stack.RunSettings;
import lakehouse.trades.Trade;
import lakehouse.trades.TradeGenerator;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.io.CloseableIterable;

/**
 * One size: Kafka's producer benchmark on the broker, then the trades in equal batches, each
 * timed from its last acknowledgement until DuckDB sees every row, then the per-symbol query
 * through the REST catalog and on the same Parquet files read directly.
 */
final class SizeBenchmark {
  private static final int QUERY_REPEATS = 5;
  private final Lakehouse lakehouse;
  private final RunSettings settings;
  private final Path workDir;

  SizeBenchmark(Lakehouse lakehouse, RunSettings settings, Path workDir) {
    this.lakehouse = lakehouse;
    this.settings = settings;
    this.workDir = workDir;
  }

  SizeResult run(int size, int batches, Map<String, Long> stackStartMs) throws Exception {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    Timeline timeline = new Timeline();
    String topic = lakehouse.topic("bench_" + size);
    double perf = timeline.span("kafka ProducerPerformance", () -> ProducerPerformanceRun.recordsPerSecond(
        lakehouse.kafka().bootstrapServers(), topic + "_perf", size, payloads(), producerSettings(),
        workDir.resolve("producer-performance-" + size + ".log")));
    double plain = timeline.span("ingest into a plain topic", () -> plainIngest(topic + "_plain", size));
    timeline.span("create Iceberg topic", () -> {
      lakehouse.kafka().createIcebergTopic(topic, Pipeline.TRADES_SCHEMA);
      return null;
    });
    long roundTripStart = timeline.now();
    CpuBudget budget = new CpuBudget();
    Iterator<Trade> trades = TradeGenerator.stream(settings.seed() + size);
    List<Long> freshness = new ArrayList<>();
    List<FreshnessParts> parts = new ArrayList<>();
    long produceNanos = 0;
    long sent = 0;
    for (int batch = 1; batch <= batches; batch++) {
      List<Message> slice = messages(take(trades, size / batches + (batch <= size % batches ? 1 : 0)));
      long start = System.nanoTime();
      Produced produced = Producing.sendAll(lakehouse.kafka(), topic, slice, message -> message);
      if (!produced.failures().isEmpty() || produced.acknowledged() != slice.size()) {
        throw new IllegalStateException("batch " + batch + " of " + topic + ": " + produced.failures().size() + " sends failed");
      }
      produceNanos += produced.lastAckNanos() - start;
      sent += slice.size();
      timeline.span("produce batch " + batch, start, produced.lastAckNanos());
      FreshnessParts split = awaitVisible(topic, sent, produced.lastAckNanos(), timeline, batch);
      freshness.add(split.visibleMs());
      parts.add(split);
    }
    CpuBudget.Budget cpu = budget.finish("task-thread-iceberg-" + topic + "-", workDir);
    budget.close();
    String restTable = lakehouse.duckdb().table(topic);
    List<String> files = dataFiles(topic);
    long queryRest = timeline.span("DuckDB query via REST catalog ×" + QUERY_REPEATS, () -> medianQuery(restTable));
    long queryParquet = timeline.span("DuckDB query on Parquet ×" + QUERY_REPEATS, () -> medianQuery(parquetScan(files)));
    return new SizeResult(size, size / (produceNanos / 1e9), perf, plain, Stats.p50(freshness), Stats.max(freshness),
        freshness, parts, settings.commitInterval().toMillis(), commitPeriod(topic), queryRest, queryParquet, files.size(),
        timeline.now() - roundTripStart, stackStartMs, peakHeapMb(), cpu, timeline.spans());
  }

  /** The same producer and trades into a topic no Iceberg writer reads: ingest without competition for the CPU. */
  private double plainIngest(String topic, int size) throws Exception {
    lakehouse.kafka().createTopic(topic);
    Iterator<Trade> trades = TradeGenerator.stream(settings.seed() + size);
    long nanos = 0;
    for (int left = size; left > 0; left -= 100_000) {
      List<Message> slice = messages(take(trades, Math.min(left, 100_000)));
      long start = System.nanoTime();
      Produced produced = Producing.sendAll(lakehouse.kafka(), topic, slice, message -> message);
      nanos += produced.lastAckNanos() - start;
    }
    return size / (nanos / 1e9);
  }

  private FreshnessParts awaitVisible(String topic, long expected, long lastAckNanos, Timeline timeline, int batch) {
    Visibility.awaitCommitted(lakehouse, settings, topic, expected);
    long committed = System.nanoTime();
    timeline.span("commit batch " + batch, lastAckNanos, committed);
    Visibility.awaitVisibleInDuckDb(lakehouse, settings, topic, expected);
    long visible = System.nanoTime();
    timeline.span("visible in DuckDB " + batch, committed, visible);
    return FreshnessParts.measure(lakehouse, topic, expected, FreshnessParts.wallClock(lastAckNanos),
        FreshnessParts.wallClock(visible));
  }

  /** How often the writer really committed: the median gap between the table's consecutive snapshots. */
  private long commitPeriod(String topic) {
    List<Long> times = new ArrayList<>();
    lakehouse.catalog().table(topic).snapshots().forEach(snapshot -> times.add(snapshot.timestampMillis()));
    times.sort(Long::compare);
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(times.get(i) - times.get(i - 1));
    }
    return gaps.isEmpty() ? 0 : Stats.p50(gaps);
  }

  private long medianQuery(String from) throws Exception {
    String sql = "SELECT symbol, count(*), avg(price), min(price), max(price), sum(qty), count(*) FILTER (WHERE side = 'BUY'),"
        + " min(ts_event), max(ts_event) FROM " + from + " GROUP BY symbol";
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < QUERY_REPEATS; i++) {
      long start = System.nanoTime();
      lakehouse.duckdb().query(sql, rs -> rs.getString(1));
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    return Stats.p50(millis);
  }

  /** The files of the table's current snapshot, which DuckDB reads with its own S3 secret and no catalog. */
  private List<String> dataFiles(String topic) throws Exception {
    try (CloseableIterable<FileScanTask> tasks = lakehouse.catalog().table(topic).newScan().planFiles()) {
      List<String> files = new ArrayList<>();
      tasks.forEach(task -> files.add(task.file().location()));
      return files;
    }
  }

  private static String parquetScan(List<String> files) {
    return "read_parquet([" + files.stream().map(f -> "'" + f + "'").collect(Collectors.joining(",")) + "])";
  }

  private Path payloads() throws Exception {
    Path file = workDir.resolve("trade-payloads.json");
    if (!Files.exists(file)) {
      Iterator<Trade> sample = TradeGenerator.stream(settings.seed());
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        lines.add(new String(sample.next().toJson(), java.nio.charset.StandardCharsets.UTF_8));
      }
      Files.write(file, lines);
    }
    return file;
  }

  /** The suite's own producer settings (KafkaHandle#producer), for a like-for-like comparison. */
  private Map<String, Object> producerSettings() {
    return lakehouse.kafka().producerSettings();
  }

  /**
   * The records as bytes, made before the clock starts: Kafka's ProducerPerformance sends payloads it
   * read beforehand, so both figures measure the producer, not JSON serialisation.
   */
  private static List<Message> messages(List<Trade> trades) {
    return trades.stream().map(trade -> Message.of(trade.tradeId(), trade.toJson())).toList();
  }

  private static List<Trade> take(Iterator<Trade> trades, int count) {
    List<Trade> slice = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      slice.add(trades.next());
    }
    return slice;
  }

  private static long peakHeapMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum() / (1024 * 1024);
  }
}
