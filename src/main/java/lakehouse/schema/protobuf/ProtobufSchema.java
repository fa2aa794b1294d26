package lakehouse.schema.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code .proto} file registered as a Protobuf schema, and the messages in it that Iceberg topics translate
 * (docs/redpanda-contract.md; Redpanda 25.3's {@code pandaproxy/schema_registry/protobuf.cc} and
 * {@code datalake/record_schema_resolver.cc}). A record names its message by message indexes after the schema ID
 * ({@link #message(List)}); a topic in {@code value_schema_latest} mode may name it with {@code protobuf_name}
 * ({@link #message(String)}); otherwise it is the file's first message ({@link #firstMessage()}).
 *
 * <p>Imports resolve to the texts given to {@link #parse(String, Map)} (Redpanda's schema references, by import name)
 * and to the well-known types protobuf-java ships ({@code google/protobuf/timestamp.proto}, {@code struct.proto},
 * {@code duration.proto}, {@code wrappers.proto}, ...). {@code redpanda/datalake/date.proto} is not built in:
 * Redpanda does not ship it in its registry either, so it is registered, and passed here, as a reference.
 */
public final class ProtobufSchema {
  /** The file's name while it is built; Redpanda names it after its subject. */
  static final String FILE_NAME = "schema.proto";

  private final String text;
  private final FileDescriptor file;
  private final List<FileDescriptor> pool;

  private ProtobufSchema(String text, FileDescriptor file, List<FileDescriptor> pool) {
    this.text = text;
    this.file = file;
    this.pool = pool;
  }

  /**
   * @throws IllegalArgumentException naming the line and problem where the text is not a valid {@code .proto} file
   *     (Redpanda's registry refuses it)
   */
  public static ProtobufSchema parse(String protoText) {
    return parse(protoText, Map.of());
  }

  /**
   * A file whose imports are given as texts by import name, as Redpanda's schema references give them. Every import
   * given is built, imported or not, as Redpanda builds every reference.
   */
  public static ProtobufSchema parse(String protoText, Map<String, String> imports) {
    Objects.requireNonNull(protoText, "protoText");
    String name = FILE_NAME;
    while (imports.containsKey(name)) {
      name = "_" + name;
    }
    List<FileDescriptor> built = ProtoText.buildWithReferences(name, protoText, imports);
    FileDescriptor file = built.get(0);
    return new ProtobufSchema(protoText, file, Collections.unmodifiableList(withDependencies(built)));
  }

  /** The schema exactly as written. */
  public String text() {
    return text;
  }

  public FileDescriptor file() {
    return file;
  }

  /** The message the file starts with, as a record without message indexes (a count of 0) names it. */
  public ProtobufMessage firstMessage() {
    return message(List.of(0));
  }

  /**
   * The message a record's message indexes name ({@code descriptor(def, fields)}): the first index picks a
   * top-level message, each further one a nested type of the one before (a map field's entry type counts among
   * them, as protoc generates it there). An empty list is {@code [0]}, as Redpanda reads a count of 0.
   *
   * @throws IllegalArgumentException "bad message index" where an index is out of range: Redpanda sends the record
   *     to the dead-letter table
   */
  public ProtobufMessage message(List<Integer> indexes) {
    List<Integer> walk = indexes.isEmpty() ? List.of(0) : List.copyOf(indexes);
    List<Descriptor> candidates = file.getMessageTypes();
    Descriptor message = null;
    for (int i = 0; i < walk.size(); i++) {
      int index = walk.get(i);
      if (index < 0 || index >= candidates.size()) {
        throw new IllegalArgumentException("bad message index " + walk + ": position " + i + " is " + index + ", but "
            + (message == null ? "the file has " + candidates.size() + " top-level messages"
                : message.getFullName() + " has " + candidates.size() + " nested types")
            + "; Redpanda sends the record to the dead-letter table");
      }
      message = candidates.get(index);
      candidates = message.getNestedTypes();
    }
    return new ProtobufMessage(this, message, walk);
  }

  /**
   * The message a topic's {@code protobuf_name} names ({@code compute_message_offsets}): found by full name among
   * every file built, then turned into message indexes and walked from this file, as Redpanda does. A name from an
   * imported file so walks to whatever message of this file sits at the same indexes (or none).
   *
   * @throws IllegalArgumentException where no message has that name: Redpanda pauses the topic's translation
   *     ({@code invalid_config}) until the topic property is fixed
   */
  public ProtobufMessage message(String fullName) {
    Objects.requireNonNull(fullName, "fullName");
    for (FileDescriptor candidate : pool) {
      Descriptor found = find(candidate.getMessageTypes(), fullName);
      if (found != null) {
        List<Integer> indexes = new ArrayList<>();
        for (Descriptor d = found; d != null; d = d.getContainingType()) {
          indexes.add(0, d.getIndex());
        }
        return message(indexes);
      }
    }
    throw new IllegalArgumentException("no message named '" + fullName + "' in the schema or its imports: Redpanda"
        + " pauses translation of a topic whose protobuf_name names none (invalid_config)");
  }

  private static Descriptor find(List<Descriptor> messages, String fullName) {
    for (Descriptor message : messages) {
      if (message.getFullName().equals(fullName)) {
        return message;
      }
      Descriptor nested = find(message.getNestedTypes(), fullName);
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }

  private static List<FileDescriptor> withDependencies(List<FileDescriptor> files) {
    Set<FileDescriptor> all = new LinkedHashSet<>();
    for (FileDescriptor file : files) {
      collect(file, all);
    }
    return List.copyOf(all);
  }

  private static void collect(FileDescriptor file, Set<FileDescriptor> all) {
    if (all.add(file)) {
      file.getDependencies().forEach(d -> collect(d, all));
    }
  }
}
