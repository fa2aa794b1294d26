package lakehouse.reliability;

import java.util.List;
import lakehouse.DuckDbHandle;

/**
 * What each snapshot of an Iceberg topic's table holds of the Kafka log, read with DuckDB time
 * travel: with one partition, every snapshot must hold exactly the offsets 0 … n-1, each once.
 */
record SnapshotOffsets(long snapshotId, long rows, long distinctOffsets, long firstOffset, long lastOffset) {

  static SnapshotOffsets read(DuckDbHandle duckdb, String table, long snapshotId) throws Exception {
    List<SnapshotOffsets> rows = duckdb.query(
        "SELECT count(*), count(DISTINCT redpanda.offset), coalesce(min(redpanda.offset), 0),"
            + " coalesce(max(redpanda.offset), -1) FROM " + table + " AT (VERSION => " + snapshotId + ")",
        rs -> new SnapshotOffsets(snapshotId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    return rows.get(0);
  }

  /** The offsets form one gap-free run from 0, none twice. */
  boolean isContiguousFromZero() {
    return rows == distinctOffsets && firstOffset == 0 && lastOffset == rows - 1;
  }
}
