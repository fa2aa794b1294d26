package lakehouse.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.JsonSchema;
import lakehouse.schema.PartitionSpecs;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Makes the Iceberg table as Redpanda does, when the first record is translated: not before, so a
 * topic that never got a valid record has no table, and a dead-letter table appears with the first
 * dead letter (docs/redpanda-contract.md §4). The schema comes from the topic's JSON Schema
 * ({@value #SCHEMA_CONFIG}; absent for a dead-letter table), the partitioning from Redpanda's spec
 * syntax ({@value #PARTITION_SPEC_CONFIG}).
 *
 * <p>A newer JSON Schema (the connector reconfigured after a new schema version) adds its new
 * columns to the existing table, all optional; a change Iceberg cannot apply, such as long to
 * string, fails each record here, where Kafka Connect's error handling sends it to the dead-letter
 * topic, as Redpanda sends such records to its dead-letter table.
 *
 * <p>It runs after {@link RedpandaMetadata} and before the sink, which is configured not to create
 * tables itself: the sink's own auto-create derives types from Connect schemas, whose timestamps
 * carry milliseconds, where Redpanda's carry microseconds.
 */
public final class TableAtFirstRecord implements Transformation<SinkRecord> {
  public static final String TABLE_CONFIG = "table";
  public static final String SCHEMA_CONFIG = "json.schema";
  public static final String PARTITION_SPEC_CONFIG = "partition.spec";
  /** The Schema Registry modes: the table follows each record's writer schema ({@link #VALUE_TYPE_KEY}). */
  public static final String SCHEMA_FROM_RECORDS_CONFIG = "schema.from.records";
  /** Prefix of the REST catalog client's properties, the same the sink gets under {@code iceberg.catalog.}. */
  public static final String CATALOG_PREFIX = "catalog.";
  /**
   * Where {@link SchemaRegistryConverter} puts the value columns of the schema a record was written with: the
   * table is made, or evolved, from those, and the key leaves the row here.
   */
  public static final String VALUE_TYPE_KEY = "__lakehouse.value.columns";

  private TableIdentifier table;
  private Schema wanted;
  private String partitionSpec;
  private Map<String, String> catalogProperties;
  private RESTCatalog catalog;
  private volatile boolean ready;
  private String incompatible;
  /** The writer schemas' columns whose table is ensured, and what was wrong where one did not fit. */
  private final Map<Types.StructType, String> ensured = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public SinkRecord apply(SinkRecord record) {
    if (record.value() == null) {
      return record;
    }
    if (record.value() instanceof Map<?, ?> row && row.get(VALUE_TYPE_KEY) instanceof Types.StructType columns) {
      return applyWriterSchema(record, row, columns);
    }
    if (!ready) {
      ensureTable();
    }
    if (incompatible != null) {
      throw new DataException(incompatible);
    }
    return record;
  }

  /** The table as the record's own schema wants it (Schema Registry modes): created, or evolved, once per schema. */
  private SinkRecord applyWriterSchema(SinkRecord record, Map<?, ?> row, Types.StructType columns) {
    String problem = ensured.get(columns);
    if (problem == null) {
      synchronized (this) {
        wanted = IcebergTypes.tableSchema(columns);
        incompatible = null;
        ready = false;
        ensureTable();
        problem = incompatible == null ? "" : incompatible;
        ensured.put(columns, problem);
      }
    }
    if (!problem.isEmpty()) {
      throw new DataException(problem);
    }
    Map<Object, Object> value = new java.util.LinkedHashMap<>(row);
    value.remove(VALUE_TYPE_KEY);
    return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
        record.valueSchema(), value, record.timestamp());
  }

  /**
   * A catalog that cannot be reached pauses translation, as it does on Redpanda: the failure is
   * retriable, and the connectors retry it ({@code errors.retry.timeout=-1}) instead of sending a
   * valid record to the dead-letter topic. Nothing here depends on the record, so no failure here is
   * the record's: every one is retried (with a fresh catalog client), and a schema the table cannot
   * take is kept in {@code incompatible}, which sends the record to the dead-letter topic.
   */
  private synchronized void ensureTable() {
    if (ready) {
      return;
    }
    try {
      try {
        evolve(catalog().loadTable(table));
      } catch (NoSuchTableException absent) {
        create();
      }
    } catch (RuntimeException catalogFailure) {
      // Connection failures and 5xx answers (RESTException), lost commits, and a client whose start
      // itself failed: 99,500 valid trades once went to the dead-letter topic because a client whose
      // initialize() had failed during a catalog outage was kept and then threw NullPointerException.
      discardCatalog(catalogFailure);
      throw new RetriableException("the catalog did not answer about " + table + ": " + catalogFailure, catalogFailure);
    }
    ready = true;
  }

  private void discardCatalog(RuntimeException failure) {
    try {
      close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    } finally {
      catalog = null;
    }
  }

  private void create() {
    try {
      Namespace namespace = table.namespace();
      if (!catalog().namespaceExists(namespace)) {
        catalog().createNamespace(namespace);
      }
    } catch (AlreadyExistsException createdMeanwhile) {
      // another task made it
    }
    try {
      catalog().createTable(table, wanted, PartitionSpecs.parse(partitionSpec, wanted),
          new HashMap<>(Map.of("format-version", "2")));
    } catch (AlreadyExistsException createdMeanwhile) {
      evolve(catalog().loadTable(table));
    }
  }

  /**
   * Adds the columns the schema gained at the end of their struct, and never removes one: on 25.3 the
   * table schema is merged with the writer's (catalog_schema_manager.cc ensure_table_schema,
   * compatibility.cc merge_struct_types), in every mode and format. Iceberg refuses a change it cannot
   * apply, and so does Redpanda.
   */
  private void evolve(Table existing) {
    UpdateSchema update;
    Schema evolved;
    try {
      update = existing.updateSchema().unionByNameWith(wanted);
      evolved = update.apply();
    } catch (IllegalArgumentException | ValidationException e) {
      incompatible = "the schema of " + table + " changed incompatibly with its table: " + e.getMessage();
      return;
    }
    if (!evolved.sameSchema(existing.schema())) {
      update.commit();
    }
  }

  private RESTCatalog catalog() {
    if (catalog == null) {
      RESTCatalog client = new RESTCatalog();
      client.setConf(new Configuration());
      client.initialize("table-at-first-record", catalogProperties);
      catalog = client; // only once initialize() succeeded: a half-started client fails every later call
    }
    return catalog;
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef()
        .define(TABLE_CONFIG, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "namespace.table to create")
        .define(SCHEMA_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
            "the topic's JSON Schema; absent for a dead-letter table")
        .define(PARTITION_SPEC_CONFIG, ConfigDef.Type.STRING, PartitionSpecs.DEFAULT, ConfigDef.Importance.MEDIUM,
            "Redpanda's partition spec syntax")
        .define(SCHEMA_FROM_RECORDS_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
            "the columns come with each record, from its writer schema");
  }

  @Override
  public void configure(Map<String, ?> configs) {
    table = TableIdentifier.parse(String.valueOf(configs.get(TABLE_CONFIG)));
    Object schema = configs.get(SCHEMA_CONFIG);
    wanted = schema == null
        ? IcebergTypes.deadLetterSchema()
        : IcebergTypes.tableSchema(JsonSchema.parse(schema.toString()));
    Object spec = configs.get(PARTITION_SPEC_CONFIG);
    partitionSpec = spec == null ? PartitionSpecs.DEFAULT : spec.toString();
    if (!Boolean.parseBoolean(String.valueOf(configs.get(SCHEMA_FROM_RECORDS_CONFIG)))) {
      PartitionSpecs.parse(partitionSpec, wanted); // a bad spec fails the connector's start, not its first record
    }
    catalogProperties = new HashMap<>();
    configs.forEach((key, value) -> {
      if (key.startsWith(CATALOG_PREFIX) && value != null) {
        catalogProperties.put(key.substring(CATALOG_PREFIX.length()), value.toString());
      }
    });
  }

  @Override
  public void close() {
    if (catalog != null) {
      try {
        catalog.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
