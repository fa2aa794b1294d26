package lakehouse.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import lakehouse.Lakehouse;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What the stack looked like when a spec failed, in one file: enough to tell an acknowledged record
 * that was lost (the writer's consumer offsets moved past records no snapshot holds) from one that is
 * stuck (a task or coordinator that stopped, a transaction left open that holds every read_committed
 * reader of a control topic back). Each section is written even when another cannot be read.
 */
public final class StackDiagnostics {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  private static final int SNAPSHOTS_PER_TABLE = 12;

  private StackDiagnostics() {}

  /** Writes {@code <dir>/<name>.txt} and returns its path. */
  public static Path write(Lakehouse lakehouse, String name, Path dir) throws IOException {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.printf("stack diagnostics at %s (%s)%n", Instant.now(), name);
    section(out, "Iceberg tables (the last " + SNAPSHOTS_PER_TABLE + " snapshots of each)", () -> snapshots(out, lakehouse));
    section(out, "Kafka topics: end offset (high watermark) and last stable offset (what read_committed readers reach)",
        () -> topics(out, lakehouse));
    section(out, "Kafka transactions that are not complete", () -> transactions(out, lakehouse));
    section(out, "consumer groups: state, members and committed offsets", () -> consumerGroups(out, lakehouse));
    section(out, "Kafka Connect connectors", () -> connectors(out, lakehouse));
    section(out, "threads of this JVM", () -> threads(out));
    out.flush();
    Files.createDirectories(dir);
    Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt");
    Files.writeString(file, text.toString());
    return file;
  }

  private interface Section {
    void write() throws Exception;
  }

  private static void section(PrintWriter out, String title, Section section) {
    out.printf("%n== %s%n", title);
    try {
      section.write();
    } catch (Exception e) {
      out.println("(could not be read: " + e + ")");
    }
  }

  private static void snapshots(PrintWriter out, Lakehouse lakehouse) {
    Namespace namespace = Namespace.of(lakehouse.catalog().namespace());
    for (TableIdentifier id : lakehouse.catalog().catalog().listTables(namespace)) {
      Table table = lakehouse.catalog().catalog().loadTable(id);
      List<Snapshot> snapshots = StreamSupport.stream(table.snapshots().spliterator(), false).toList();
      out.printf("%s: %d snapshots%n", id, snapshots.size());
      for (Snapshot snapshot : snapshots.subList(Math.max(0, snapshots.size() - SNAPSHOTS_PER_TABLE), snapshots.size())) {
        out.printf("  %d at %s %s %s%n", snapshot.snapshotId(), Instant.ofEpochMilli(snapshot.timestampMillis()),
            snapshot.operation(), new TreeMap<>(snapshot.summary()));
      }
    }
  }

  private static void topics(PrintWriter out, Lakehouse lakehouse) throws Exception {
    try (Admin admin = Admin.create(lakehouse.kafka().clientConfig())) {
      List<String> names = admin.listTopics().names().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream().sorted().toList();
      Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(names).allTopicNames().get().values().stream()
          .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
          .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
      Map<TopicPartition, Long> end = offsets(admin, latest, IsolationLevel.READ_UNCOMMITTED);
      Map<TopicPartition, Long> stable = offsets(admin, latest, IsolationLevel.READ_COMMITTED);
      new TreeMap<String, TopicPartition>(end.keySet().stream().collect(Collectors.toMap(TopicPartition::toString, p -> p)))
          .forEach((name, partition) -> out.printf("%s end=%,d stable=%,d%s%n", name, end.get(partition),
              stable.get(partition), end.get(partition).equals(stable.get(partition)) ? "" : "  <- an open transaction"));
    }
  }

  private static Map<TopicPartition, Long> offsets(Admin admin, Map<TopicPartition, OffsetSpec> request,
      IsolationLevel isolation) throws Exception {
    return admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static void transactions(PrintWriter out, Lakehouse lakehouse) throws Exception {
    try (Admin admin = Admin.create(lakehouse.kafka().clientConfig())) {
      List<String> open = admin.listTransactions().all().get().stream()
          .filter(t -> !t.state().toString().startsWith("Complete") && !t.state().toString().equals("Empty"))
          .map(TransactionListing::transactionalId).sorted().toList();
      if (open.isEmpty()) {
        out.println("(none)");
        return;
      }
      admin.describeTransactions(open).all().get().forEach((id, t) -> out.printf(
          "%s: %s, started %s, timeout %,d ms, partitions %s%n", id, t.state(),
          t.transactionStartTimeMs().isPresent() ? Instant.ofEpochMilli(t.transactionStartTimeMs().getAsLong()) : "?",
          t.transactionTimeoutMs(), t.topicPartitions()));
    }
  }

  private static void consumerGroups(PrintWriter out, Lakehouse lakehouse) throws Exception {
    try (Admin admin = Admin.create(lakehouse.kafka().clientConfig())) {
      List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).sorted().toList();
      Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all().get();
      for (String group : groups) {
        ConsumerGroupDescription description = descriptions.get(group);
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        out.printf("%s: %s, members %s, committed %s%n", group, description.groupState(),
            description.members().stream().map(m -> m.clientId() + m.assignment().topicPartitions()).toList(),
            new TreeMap<>(offsets.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(),
                e -> e.getValue() == null ? "none" : Long.toString(e.getValue().offset())))));
      }
    }
  }

  private static void connectors(PrintWriter out, Lakehouse lakehouse) throws Exception {
    String connectUrl = lakehouse.endpoints().connectUrl();
    if (connectUrl == null) {
      out.println("(this stack writes Iceberg without Kafka Connect)");
      return;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(connectUrl + "/connectors?expand=status")).timeout(CALL_TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
    out.println("HTTP " + response.statusCode() + " " + response.body());
  }

  private static void threads(PrintWriter out) {
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      out.printf("%n\"%s\" %s%s%n", thread.getName(), thread.getState(), thread.isDaemon() ? " daemon" : "");
      for (StackTraceElement frame : stack) {
        out.println("    at " + frame);
      }
    });
  }
}
