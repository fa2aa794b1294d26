package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Produced;
import lakehouse.pipeline.Producing;
import lakehouse.pipeline.Visibility;
import lakehouse.schema.JsonSchema;
import lakehouse.stack.RunSettings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A spec of your own: one Iceberg topic with its own JSON Schema, a few hundred records, and DuckDB's
 * answer through the REST catalog compared with the same answer computed in plain Java. The extension
 * behind {@link LakehouseSpec} starts the stack (embedded here, containers where Docker runs, or your
 * cluster with -Dlakehouse.stack=external) and hands out the handles.
 */
@LakehouseSpec
class SensorReadingsSpec {
  private static final String TOPIC = "sensor_readings";
  private static final JsonSchema SCHEMA = JsonSchema.fromResource("schemas/sensor_readings.schema.json");
  private static final List<SensorReading> READINGS = SensorReading.generate(7, 400);

  /** Per sensor: how many readings, the coldest, the warmest and the last time, as DuckDB and Java both say. */
  record PerSensor(String sensor, long readings, double coldest, double warmest, Instant last) {}

  @Test
  @Order(1)
  void everyReadingIsAcknowledgedAndCommittedToTheTable(Lakehouse lakehouse, RunSettings settings) {
    String topic = lakehouse.topic(TOPIC);
    lakehouse.kafka().createIcebergTopic(topic, SCHEMA);

    Produced produced = Producing.sendAll(lakehouse.kafka(), topic, READINGS, SensorReading::sensorId,
        SensorReading::toJson);

    assertThat(produced.failures()).isEmpty();
    assertThat(produced.acknowledged()).isEqualTo(READINGS.size());
    assertThat(Visibility.awaitCommitted(lakehouse, settings, topic, READINGS.size())).isEqualTo(READINGS.size());
  }

  @Test
  @Order(2)
  void duckDbComputesWhatJavaComputes(Lakehouse lakehouse, RunSettings settings) throws Exception {
    String topic = lakehouse.topic(TOPIC);
    Visibility.awaitVisibleInDuckDb(lakehouse, settings, topic, READINGS.size());

    // Timestamps as epoch microseconds, so no time zone of this machine's JDBC driver gets in between.
    List<PerSensor> fromDuckDb = lakehouse.duckdb().query(
        "SELECT sensor_id, count(*), min(celsius), max(celsius), epoch_us(max(taken_at)) FROM " + lakehouse.duckdb().table(topic)
            + " GROUP BY sensor_id ORDER BY sensor_id",
        row -> new PerSensor(row.getString(1), row.getLong(2), row.getDouble(3), row.getDouble(4),
            Instant.EPOCH.plus(row.getLong(5), ChronoUnit.MICROS)));

    assertThat(fromDuckDb).containsExactlyElementsOf(oracle());
  }

  private static List<PerSensor> oracle() {
    Map<String, List<SensorReading>> bySensor = READINGS.stream()
        .collect(Collectors.groupingBy(SensorReading::sensorId, TreeMap::new, Collectors.toList()));
    return bySensor.entrySet().stream().map(entry -> new PerSensor(entry.getKey(), entry.getValue().size(),
            entry.getValue().stream().mapToDouble(SensorReading::celsius).min().orElseThrow(),
            entry.getValue().stream().mapToDouble(SensorReading::celsius).max().orElseThrow(),
            entry.getValue().stream().map(SensorReading::takenAt).max(Instant::compareTo).orElseThrow()))
        .toList();
  }
}
