package lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.inmemory.InMemoryFileIO;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counting a table's records, on real Iceberg tables and manifests in Iceberg's in-memory catalog. */
class CatalogHandleTest {
  private static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "trade_id", Types.StringType.get()));

  private final InMemoryCatalog catalog = new InMemoryCatalog();
  private Table table;

  @BeforeEach
  void createTable() {
    catalog.initialize("records", Map.of("warehouse", "mem://warehouse-" + UUID.randomUUID()));
    catalog.createNamespace(Namespace.of("redpanda"));
    table = catalog.createTable(TableIdentifier.of("redpanda", "trades"), SCHEMA, PartitionSpec.unpartitioned());
  }

  @AfterEach
  void dropCatalog() throws Exception {
    catalog.close();
  }

  @Test
  void aTableWithoutSnapshotHoldsNoRecords() {
    assertThat(CatalogHandle.recordCount(table)).isZero();
  }

  @Test
  void theSnapshotSummarysTotalRecordsCountsWhereItIsWritten() {
    table.newAppend().appendFile(dataFile(3)).commit();
    table.newAppend().appendFile(dataFile(4)).commit();

    assertThat(table.currentSnapshot().summary()).containsEntry("total-records", "7");
    assertThat(CatalogHandle.recordCount(table)).isEqualTo(7);
  }

  /** As Redpanda 25.2 builds from before PR #27413 commit them: no total-records in the summary. */
  @Test
  void withoutTotalRecordsTheDataFilesInTheManifestsAreCounted() throws Exception {
    table.newAppend().appendFile(dataFile(3)).commit();
    table.newAppend().appendFile(dataFile(4)).appendFile(dataFile(5)).commit();

    Table withoutTotals = withoutTotalRecords(table);

    assertThat(withoutTotals.currentSnapshot().summary()).doesNotContainKey("total-records");
    assertThat(withoutTotals.currentSnapshot().summary()).containsEntry("added-records", "9");
    assertThat(CatalogHandle.recordCount(withoutTotals)).isEqualTo(12);
  }

  private DataFile dataFile(long records) {
    return DataFiles.builder(PartitionSpec.unpartitioned())
        .withPath(table.location() + "/data/" + UUID.randomUUID() + ".parquet")
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(1024)
        .withRecordCount(records)
        .build();
  }

  /** The same table, manifests and all, read from metadata whose snapshot summaries lack total-records. */
  private static Table withoutTotalRecords(Table table) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode metadata = json.readTree(TableMetadataParser.toJson(((BaseTable) table).operations().current()));
    metadata.path("snapshots").forEach(snapshot -> ((ObjectNode) snapshot.path("summary")).remove("total-records"));
    String location = table.location() + "/metadata/without-totals-" + UUID.randomUUID() + ".metadata.json";
    InMemoryFileIO io = new InMemoryFileIO();
    io.addFile(location, json.writeValueAsString(metadata).getBytes(StandardCharsets.UTF_8));
    return new BaseTable(new StaticTableOperations(location, io), table.name() + "-without-totals");
  }
}
