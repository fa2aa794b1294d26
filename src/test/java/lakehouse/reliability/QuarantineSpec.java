package lakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import lakehouse.DuckDbHandle;
import lakehouse.KafkaHandle;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.pipeline.Produced;
import lakehouse.pipeline.Producing;
import lakehouse.progress.Progress;
import lakehouse.reliability.BadRecords.BadRecord;
import lakehouse.report.RunReport;
import lakehouse.schema.IcebergTypes;
import lakehouse.stack.RunSettings;
import lakehouse.trades.Trade;
import lakehouse.trades.TradeGenerator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Records Redpanda cannot translate are quarantined in the {@code trades~dlq} Iceberg table, not lost
 * and not fatal: valid records around them land, and translation goes on. A trade missing a
 * "required" field is not one of them: Redpanda ignores {@code required} and writes a NULL.
 */
@LakehouseSpec
@Order(6)
class QuarantineSpec {
  /** At a 1 s commit interval; longer ones make it longer ({@link RunSettings#commitWait}). */
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void badRecordsAreQuarantinedWhileEveryValidTradeLands(Pipeline pipeline, KafkaHandle kafka, DuckDbHandle duckdb,
      RunSettings settings, RunReport report) throws Exception {
    pipeline.roundTripAnalytics(); // the round trip is done with the trades table; from here on it grows
    String topic = pipeline.tradesTopic();
    long before = pipeline.ingest().trades().size();
    List<Trade> valid = TradeGenerator.generate(settings.seed() + 1, 30);
    List<Trade> after = TradeGenerator.generate(settings.seed() + 2, 10);
    List<BadRecord> bad = BadRecords.from(TradeGenerator.generate(settings.seed() + 3, 3));
    Trade priceless = TradeGenerator.generate(settings.seed() + 4, 1).get(0);

    Produced mixed = Producing.sendAll(kafka, topic, interleave(valid, bad), r -> r.tradeId(), BadRecord::value);
    Produced missing = Producing.sendAll(kafka, topic, List.of(priceless), Trade::tradeId, t -> BadRecords.without(t, "price"));
    Produced later = Producing.sendAll(kafka, topic, after, Trade::tradeId, Trade::toJson);
    assertThat(mixed.failures()).isEmpty();
    assertThat(missing.failures()).isEmpty();
    assertThat(later.failures()).isEmpty();

    String table = duckdb.table(topic);
    String deadLetters = duckdb.table(IcebergTypes.deadLetterTable(topic));
    List<Trade> everyValid = new ArrayList<>(valid);
    everyValid.addAll(after);
    everyValid.add(priceless);
    long sent = mixed.sent() + missing.sent() + later.sent();
    AtomicLong accounted = new AtomicLong();
    await("all " + everyValid.size() + " translatable trades in " + table + " and " + bad.size() + " dead letters in "
            + deadLetters)
        .atMost(settings.commitWait(TIMEOUT)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .conditionEvaluationListener(new Progress(System.out, topic + " rows + dead letters", sent, accounted::get))
        .until(() -> {
          accounted.set(countIds(duckdb, table, ids(everyValid)) + duckdb.count(IcebergTypes.deadLetterTable(topic)));
          return accounted.get() >= sent;
        });

    long quarantined = duckdb.count(IcebergTypes.deadLetterTable(topic));
    assertThat(quarantined).as("records in %s", deadLetters).isEqualTo(bad.size());
    assertThat(countIds(duckdb, table, badIds(bad))).as("invalid trades that reached %s", table).isZero();
    assertThat(duckdb.query("SELECT hex(value) FROM " + deadLetters, rs -> rs.getString(1)))
        .as("the quarantined records, byte for byte")
        .containsExactlyInAnyOrderElementsOf(bad.stream().map(r -> HexFormat.of().withUpperCase().formatHex(r.value())).toList());
    assertThat(duckdb.query("SELECT price IS NULL, qty FROM " + table + " WHERE trade_id = '" + priceless.tradeId() + "'",
        rs -> rs.getBoolean(1) + " " + rs.getLong(2)))
        .as("the trade without price: a row with price NULL, since Redpanda ignores required")
        .containsExactly("true " + priceless.qty());
    assertThat(duckdb.count(topic)).as("rows in %s: the ingested trades plus every translatable one since", table)
        .isEqualTo(before + everyValid.size());
    assertThat(everyValid.size() + quarantined).as("rows + quarantined").isEqualTo(sent);

    report.countReliability("produced", sent);
    report.countReliability("in_table", everyValid.size());
    report.countReliability("quarantined", quarantined);
  }

  /** Valid and bad records mixed, so the bad ones sit between records that must still land. */
  private static List<BadRecord> interleave(List<Trade> valid, List<BadRecord> bad) {
    List<BadRecord> mixed = new ArrayList<>();
    int stride = valid.size() / bad.size();
    for (int i = 0; i < valid.size(); i++) {
      mixed.add(new BadRecord("valid", valid.get(i).tradeId(), valid.get(i).toJson()));
      if (i % stride == stride / 2 && i / stride < bad.size()) {
        mixed.add(bad.get(i / stride));
      }
    }
    return mixed;
  }

  private static long countIds(DuckDbHandle duckdb, String table, List<String> ids) throws Exception {
    String list = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    return duckdb.query("SELECT count(*) FROM " + table + " WHERE trade_id IN (" + list + ")", rs -> rs.getLong(1)).get(0);
  }

  private static List<String> ids(List<Trade> trades) {
    return trades.stream().map(Trade::tradeId).toList();
  }

  private static List<String> badIds(List<BadRecord> bad) {
    return bad.stream().map(BadRecord::tradeId).filter(id -> id != null).toList();
  }
}
