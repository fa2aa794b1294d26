package lakehouse.conformance;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lakehouse.Lakehouse;
import lakehouse.progress.Progress;
import lakehouse.schema.IcebergTypes;
import lakehouse.schema.UntranslatableSchemaException;
import lakehouse.stack.IcebergTopic;
import lakehouse.stack.RunSettings;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One conformance case on a real stack: a fresh Iceberg topic in the case's mode with one partition; every
 * record produced one after the other, each in a transaction of its own where the case says so, and matched
 * to its row by the offset its acknowledgement gave it (transaction markers take offsets too); a wait until
 * each committed record is accounted for (rows plus dead letters); then the rows, read with DuckDB through the
 * catalog, and the dead letters, compared with the case. The topic is deleted afterwards, unless the case failed.
 */
final class CaseRun {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(200);

  private final Lakehouse lakehouse;
  private final RunSettings settings;
  private final ConformanceCase testCase;
  private final String topic;

  CaseRun(Lakehouse lakehouse, RunSettings settings, ConformanceCase testCase, int index) {
    this.lakehouse = lakehouse;
    this.settings = settings;
    this.testCase = testCase;
    this.topic = lakehouse.topic(testCase.topicName(index));
  }

  /** What differs from the case; empty when the stack behaved as Redpanda does. */
  List<String> run() throws Exception {
    IcebergTopic icebergTopic = testCase.icebergTopic(topic);
    try {
      lakehouse.kafka().createIcebergTopic(icebergTopic);
    } catch (UntranslatableSchemaException refused) {
      return testCase.schemaAccepted()
          ? List.of("the suite refused a schema Redpanda translates: " + refused.getMessage())
          : refusedCleanly(refused);
    }
    if (!testCase.schemaAccepted()) {
      lakehouse.kafka().deleteIcebergTopic(topic);
      return List.of("the schema was accepted, but Redpanda sends every record of it to the dead-letter table;"
          + " the preflight must refuse it");
    }
    int registeredId = icebergTopic.mode() == IcebergTopic.Mode.VALUE_SCHEMA_ID_PREFIX
        ? lakehouse.kafka().schemaId(topic) : 0;
    ConformanceCase acknowledged = testCase.at(produce(registeredId));
    awaitAccounted(acknowledged);
    List<String> problems = new ArrayList<>(new CaseCheck(acknowledged, record -> testCase.valueBytes(record, registeredId),
        tableSchema(), deadLetterTableSchema()).problems(rows(), deadLetters()));
    if (testCase.invalidRecords() == IcebergTopic.InvalidRecordAction.DROP && deadLetterTableExists()) {
      problems.add("invalid records are dropped, yet " + IcebergTypes.deadLetterTable(topic) + " exists");
    }
    if (problems.isEmpty()) {
      lakehouse.kafka().deleteIcebergTopic(topic);
    }
    return problems;
  }

  /** A refused schema leaves nothing behind: no topic was created. */
  private List<String> refusedCleanly(UntranslatableSchemaException refused) throws Exception {
    if (lakehouse.kafka().topicExists(topic)) {
      return List.of("the schema was refused (" + refused.getMessage() + "), but topic " + topic + " was created");
    }
    return List.of();
  }

  /**
   * Sends the records in order, each waiting for its acknowledgement, so each one's offset is known; a record
   * of a transaction goes in a transaction of its own, which commits or aborts.
   *
   * @return the records at their acknowledged offsets
   */
  private List<ConformanceCase.CaseRecord> produce(int registeredId) throws Exception {
    List<ConformanceCase.CaseRecord> acknowledged = new ArrayList<>();
    Producer<byte[], byte[]> transactional = null;
    try (Producer<byte[], byte[]> plain = lakehouse.kafka().producer()) {
      for (ConformanceCase.CaseRecord record : testCase.records()) {
        ProducerRecord<byte[], byte[]> sent = new ProducerRecord<>(topic, 0,
            record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
            testCase.valueBytes(record, registeredId));
        if (record.transaction() == ConformanceCase.Transaction.NONE) {
          acknowledged.add(record.at(plain.send(sent).get().offset()));
          continue;
        }
        if (transactional == null) {
          transactional = lakehouse.kafka().transactionalProducer(topic + "-" + ProcessHandle.current().pid());
          transactional.initTransactions();
        }
        transactional.beginTransaction();
        acknowledged.add(record.at(transactional.send(sent).get().offset()));
        if (record.aborted()) {
          transactional.abortTransaction();
        } else {
          transactional.commitTransaction();
        }
      }
    } finally {
      if (transactional != null) {
        transactional.close();
      }
    }
    return acknowledged;
  }

  /** Rows plus dead letters, as the catalog counts them, until they account for every committed record. */
  private void awaitAccounted(ConformanceCase testCase) {
    boolean dropping = testCase.invalidRecords() == IcebergTopic.InvalidRecordAction.DROP;
    long expected = dropping ? testCase.expectedRows() : testCase.committedRecords().size();
    String deadLetters = IcebergTypes.deadLetterTable(topic);
    java.util.concurrent.atomic.AtomicLong accounted = new java.util.concurrent.atomic.AtomicLong();
    await(topic + ": " + (dropping ? "rows" : "rows + dead letters") + " to account for all " + expected + " records")
        .atMost(settings.visibilityTimeout())
        .pollInterval(POLL)
        .conditionEvaluationListener(new Progress(System.out, topic + " records accounted for", expected, accounted::get))
        .until(() -> {
          long rows = lakehouse.catalog().committedRecordCount(topic);
          accounted.set(rows + (dropping ? 0 : lakehouse.catalog().committedRecordCount(deadLetters)));
          return accounted.get() >= expected;
        });
    long rowCount = testCase.expectedRows();
    await("DuckDB to see the " + rowCount + " rows of " + topic).atMost(settings.visibilityTimeout()).pollInterval(POLL)
        .ignoreExceptions()
        .until(() -> rowCount == 0 || lakehouse.duckdb().count(topic) >= rowCount);
  }

  private org.apache.iceberg.Schema tableSchema() {
    return lakehouse.catalog().tableExists(topic) ? lakehouse.catalog().table(topic).schema() : null;
  }

  private org.apache.iceberg.Schema deadLetterTableSchema() {
    String deadLetters = IcebergTypes.deadLetterTable(topic);
    return lakehouse.catalog().tableExists(deadLetters) ? lakehouse.catalog().table(deadLetters).schema() : null;
  }

  private boolean deadLetterTableExists() {
    return lakehouse.catalog().tableExists(IcebergTypes.deadLetterTable(topic));
  }

  /** Every row as DuckDB renders it in JSON, by its Kafka offset. */
  private Map<Long, JsonNode> rows() throws Exception {
    Map<Long, JsonNode> rows = new HashMap<>();
    if (!lakehouse.catalog().tableExists(topic)) {
      return rows;
    }
    // The alias must not be a column name of any case: a column would shadow it.
    for (String json : lakehouse.duckdb().query("SELECT to_json(\"lakehouse row\") FROM " + lakehouse.duckdb().table(topic)
        + " AS \"lakehouse row\"", rs -> rs.getString(1))) {
      JsonNode row = JSON.readTree(json);
      rows.put(row.path("redpanda").path("offset").asLong(), row);
    }
    return rows;
  }

  /** Every dead letter, its value in hex and its row as JSON, by the Kafka offset of its record. */
  private Map<Long, CaseCheck.DeadLetter> deadLetters() throws Exception {
    Map<Long, CaseCheck.DeadLetter> deadLetters = new HashMap<>();
    if (!deadLetterTableExists()) {
      return deadLetters;
    }
    for (String[] found : lakehouse.duckdb().query("SELECT hex(\"lakehouse row\".value), to_json(\"lakehouse row\")"
            + " FROM " + lakehouse.duckdb().table(IcebergTypes.deadLetterTable(topic)) + " AS \"lakehouse row\"",
        rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      CaseCheck.DeadLetter deadLetter = new CaseCheck.DeadLetter(found[0], JSON.readTree(found[1]));
      deadLetters.put(deadLetter.row().path("redpanda").path("offset").asLong(), deadLetter);
    }
    return deadLetters;
  }
}
