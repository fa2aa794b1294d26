package example;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One record of the example's own topic, and a deterministic generator of them. */
record SensorReading(String sensorId, double celsius, long batteryPercent, Instant takenAt) {
  static final List<String> SENSORS = List.of("greenhouse-1", "greenhouse-2", "cellar", "attic");

  static List<SensorReading> generate(long seed, int count) {
    Random random = new Random(seed);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<SensorReading> readings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Whole hundredths of a degree: the value survives JSON, double and Parquet exactly.
      double celsius = (random.nextInt(6_000) - 1_000) / 100.0;
      readings.add(new SensorReading(SENSORS.get(i % SENSORS.size()), celsius, 100 - i % 100, start.plusSeconds(60L * i)));
    }
    return readings;
  }

  byte[] toJson() {
    return String.format("{\"sensor_id\":\"%s\",\"celsius\":%s,\"battery_percent\":%d,\"taken_at\":\"%s\"}",
        sensorId, celsius, batteryPercent, takenAt).getBytes(StandardCharsets.UTF_8);
  }
}
