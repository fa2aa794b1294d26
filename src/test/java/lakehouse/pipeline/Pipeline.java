package lakehouse.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import lakehouse.Lakehouse;
import lakehouse.junit.RunFixture;
import lakehouse.report.RunReport;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.JsonValueSchema;
import lakehouse.schema.ValueFormat;
import lakehouse.schema.ValueSchema;
import lakehouse.schema.WireFormat;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.RunSettings;
import lakehouse.trades.SymbolAnalytics;
import lakehouse.trades.Trade;
import lakehouse.trades.TradeFormats;
import lakehouse.trades.TradeGenerator;

/**
 * The round trip as five stages, each run at most once per JVM and on demand: a spec class run
 * alone from an IDE triggers the stages before it. Stages do the work and wait; specs assert.
 *
 * <p>The records are written in {@code lakehouse.format}: plain JSON in {@code value_schema_latest} (the default),
 * or Avro or Protobuf in the Schema Registry wire format, {@code value_schema_id_prefix}, as most Redpanda users'
 * topics carry them. The same five stages also run in another format, on topics of their own, beside the main
 * round trip ({@link #Pipeline(Lakehouse, RunSettings, RunReport, ValueFormat, String)}).
 */
@RunFixture
public final class Pipeline {
  public static final String TRADES = "trades";
  public static final String TRADE_ANALYTICS = "trade_analytics";
  public static final JsonSchema TRADES_SCHEMA = JsonSchema.fromResource("schemas/trades.schema.json");
  public static final JsonSchema ANALYTICS_SCHEMA = JsonSchema.fromResource("schemas/trade_analytics.schema.json");
  /** The one header every trade carries, which Redpanda keeps in {@code redpanda.headers}. */
  public static final String SOURCE_HEADER = "lakehouse-source";

  private final Lakehouse lakehouse;
  private final RunSettings settings;
  private final RunReport report;
  private final ValueFormat format;
  private final String suffix;
  private final Once<Ingested> ingest = new Once<>("ingest", this::runIngest);
  private final Once<Long> tradesSnapshot = new Once<>("snapshot", this::runTradesSnapshot);
  private final Once<List<SymbolAnalytics>> query = new Once<>("query", this::runQuery);
  private final Once<Produced> publish = new Once<>("publish", this::runPublish);
  private final Once<List<SymbolAnalytics>> roundTrip = new Once<>("round_trip", this::runRoundTrip);

  public Pipeline(Lakehouse lakehouse, RunSettings settings, RunReport report) {
    this(lakehouse, settings, report, settings.format(), "");
  }

  /**
   * The round trip in {@code format}, on the topics {@code trades<suffix>} and {@code trade_analytics<suffix>},
   * its stages reported as {@code <stage><suffix>}.
   */
  public Pipeline(Lakehouse lakehouse, RunSettings settings, RunReport report, ValueFormat format, String suffix) {
    this.lakehouse = lakehouse;
    this.settings = settings;
    this.report = report;
    this.format = format;
    this.suffix = suffix;
  }

  public ValueFormat format() {
    return format;
  }

  /** The generated trades and what the producer reported for them. */
  public record Ingested(List<Trade> trades, Produced produced) {}

  public Ingested ingest() throws Exception {
    return ingest.get();
  }

  /** Waits until the trades table's current snapshot holds every trade; returns its record count. */
  public long tradesSnapshot() throws Exception {
    return tradesSnapshot.get();
  }

  /** The per-symbol analytics DuckDB computed through the REST catalog. */
  public List<SymbolAnalytics> queriedAnalytics() throws Exception {
    return query.get();
  }

  public Produced publishedAnalytics() throws Exception {
    return publish.get();
  }

  /** The analytics rows DuckDB reads back from the {@code trade_analytics} table. */
  public List<SymbolAnalytics> roundTripAnalytics() throws Exception {
    return roundTrip.get();
  }

  /** The value of {@link #SOURCE_HEADER}: which generator made the trades. */
  public String sourceHeader() {
    return "TradeGenerator seed " + settings.seed();
  }

  public String tradesTopic() {
    return lakehouse.topic(TRADES + suffix);
  }

  public String analyticsTopic() {
    return lakehouse.topic(TRADE_ANALYTICS + suffix);
  }

  private Ingested runIngest() throws Exception {
    return timed("ingest", () -> {
      List<Trade> trades = TradeGenerator.generate(settings.seed(), settings.trades());
      Function<String, byte[]> encode = createIcebergTopic(tradesTopic(), TradeFormats.tradesSchema(format),
          TradeFormats.TRADE_MESSAGE);
      String source = sourceHeader();
      Produced produced = Producing.sendAll(lakehouse.kafka(), tradesTopic(), trades,
          trade -> new Message(trade.tradeId().getBytes(StandardCharsets.UTF_8),
              encode.apply(TradeFormats.text(format, trade)), Map.of()).withHeader(SOURCE_HEADER, source));
      return new Ingested(trades, produced);
    });
  }

  private long runTradesSnapshot() throws Exception {
    int expected = ingest().trades().size();
    return timed("snapshot", () -> awaitCommitted(tradesTopic(), expected));
  }

  private List<SymbolAnalytics> runQuery() throws Exception {
    tradesSnapshot();
    Ingested ingested = ingest();
    return timed("query", () -> {
      awaitVisibleInDuckDb(tradesTopic(), ingested.trades().size(), ingested.produced());
      return lakehouse.duckdb().query(AnalyticsQueries.perSymbol(lakehouse.duckdb().table(tradesTopic())),
          AnalyticsQueries::row);
    });
  }

  private Produced runPublish() throws Exception {
    List<SymbolAnalytics> analytics = queriedAnalytics();
    return timed("publish", () -> {
      Function<String, byte[]> encode = createIcebergTopic(analyticsTopic(), TradeFormats.analyticsSchema(format),
          TradeFormats.ANALYTICS_MESSAGE);
      return Producing.sendAll(lakehouse.kafka(), analyticsTopic(), analytics, SymbolAnalytics::symbol,
          row -> encode.apply(TradeFormats.text(format, row)));
    });
  }

  private List<SymbolAnalytics> runRoundTrip() throws Exception {
    Produced published = publishedAnalytics();
    return timed("round_trip", () -> {
      awaitCommitted(analyticsTopic(), published.sent());
      awaitVisibleInDuckDb(analyticsTopic(), published.sent(), published);
      return lakehouse.duckdb().query(
          AnalyticsQueries.readBack(lakehouse.duckdb().table(analyticsTopic())), AnalyticsQueries::row);
    });
  }

  /**
   * Creates the topic for this format: plain JSON in {@code value_schema_latest}, any other format in
   * {@code value_schema_id_prefix}; returns how a record's text becomes its value.
   */
  private Function<String, byte[]> createIcebergTopic(String topic, ValueSchema schema, List<Integer> message) {
    if (schema instanceof JsonValueSchema json) {
      lakehouse.kafka().createIcebergTopic(topic, json.jsonSchema());
      return text -> text.getBytes(StandardCharsets.UTF_8);
    }
    lakehouse.kafka().createIcebergTopic(IcebergTopic.of(topic, IcebergTopic.Mode.VALUE_SCHEMA_ID_PREFIX, schema));
    int id = lakehouse.kafka().schemaId(topic);
    return text -> WireFormat.encode(format, id, message, schema.encode(text));
  }

  private long awaitCommitted(String topic, long expected) {
    return Visibility.awaitCommitted(lakehouse, settings, topic, expected);
  }

  private void awaitVisibleInDuckDb(String topic, long expected, Produced produced) {
    Visibility.awaitVisibleInDuckDb(lakehouse, settings, topic, expected);
    long visible = System.nanoTime();
    report.freshness(topic, (visible - produced.lastAckNanos()) / 1_000_000);
    report.freshnessParts(topic, FreshnessParts.measure(lakehouse, topic, expected,
        FreshnessParts.wallClock(produced.lastAckNanos()), FreshnessParts.wallClock(visible)).toMap());
  }

  private <T> T timed(String stage, Callable<T> work) throws Exception {
    long begin = System.nanoTime();
    try {
      return work.call();
    } finally {
      report.stage(stage + suffix, (System.nanoTime() - begin) / 1_000_000);
    }
  }

  static Instant micros(long epochMicros) {
    return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000), Math.floorMod(epochMicros, 1_000_000) * 1_000L);
  }
}
