package lakehouse.schema.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import lakehouse.schema.SchemaRules.Violation;

/**
 * Redpanda 25.3's rules for a Protobuf message it can translate into Iceberg columns
 * ({@code iceberg/conversion/schema_protobuf.cc}, {@code struct_from_protobuf} and {@code from_protobuf};
 * {@code protobuf_utils.cc}). Redpanda registers any valid {@code .proto} file and then sends every record whose
 * message breaks them to the dead-letter table. Redpanda stops at the first broken rule; this lists every one, each
 * where Redpanda would have stopped on its branch.
 *
 * <p>Paths are the field names from the message down, joined by dots; a map's key and value are {@code .key} and
 * {@code .value}. Details quote Redpanda's error text, with protobuf's {@code DebugString()} of a message or field
 * shortened to its name or declaration.
 */
final class ProtobufRules {
  /** Redpanda's {@code max_recursion_depth}: a message nested more than 100 levels below the top one is refused. */
  static final int MAX_DEPTH = 100;

  private ProtobufRules() {}

  static List<Violation> violations(Descriptor message) {
    List<Violation> found = new ArrayList<>();
    struct(message, new ArrayDeque<>(), "", found);
    return found;
  }

  /** {@code struct_from_protobuf}: recursion first, then depth, then every field in declaration order. */
  private static void struct(Descriptor message, Deque<Descriptor> stack, String path, List<Violation> found) {
    if (stack.stream().anyMatch(d -> d.getFullName().equals(message.getFullName()))) {
      String hierarchy = stack.stream().map(Descriptor::getFullName).collect(Collectors.joining(", "));
      found.add(new Violation("recursive-message", path, "\"Protocol buffer field not supported - recursive type"
          + " detected, type hierarchy: " + hierarchy + ", current type: " + message.getFullName() + "\""));
      return;
    }
    if (stack.size() > MAX_DEPTH) {
      found.add(new Violation("depth", path, "\"Protocol buffer field " + message.getFullName() + " not supported - max"
          + " nested depth of " + MAX_DEPTH + " exceeded\""));
      return;
    }
    stack.addLast(message);
    for (FieldDescriptor field : message.getFields()) {
      String fieldPath = path.isEmpty() ? field.getName() : path + "." + field.getName();
      if (field.isMapField()) {
        type(field.getMessageType().findFieldByNumber(1), stack, fieldPath + ".key", found);
        type(field.getMessageType().findFieldByNumber(2), stack, fieldPath + ".value", found);
      } else {
        // A repeated field is checked as its element.
        type(field, stack, fieldPath, found);
      }
    }
    stack.removeLast();
  }

  private static void type(FieldDescriptor field, Deque<Descriptor> stack, String path, List<Violation> found) {
    if (field.getType() == FieldDescriptor.Type.GROUP) {
      found.add(new Violation("group", path, "\"Protocol buffer field " + declaration(field)
          + " type group not supported\"; use a nested message"));
      return;
    }
    if (field.getType() != FieldDescriptor.Type.MESSAGE) {
      return;
    }
    Descriptor type = field.getMessageType();
    switch (MessageKind.of(type)) {
      case RESERVED -> found.add(new Violation("redpanda-datalake-type", path, "\"Protocol buffer field "
          + declaration(field) + " not supported - unhandled redpanda.datalake type " + type.getFullName()
          + "\"; only " + MessageKind.DATALAKE_DATE + " is defined"));
      case STRUCT -> struct(type, stack, path, found);
      default -> { }
    }
  }

  /** A field as protobuf's {@code FieldDescriptor::DebugString()} declares it, without options. */
  static String declaration(FieldDescriptor field) {
    boolean optionalKeyword = field.toProto().getProto3Optional()
        || !"proto3".equals(field.getFile().toProto().getSyntax()) && field.getRealContainingOneof() == null;
    String label = field.isRepeated() ? "repeated " : field.isRequired() ? "required "
        : optionalKeyword ? "optional " : "";
    String type = switch (field.getType()) {
      case MESSAGE, GROUP -> "." + field.getMessageType().getFullName();
      case ENUM -> "." + field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
    };
    return label + type + " " + field.getName() + " = " + field.getNumber() + ";";
  }
}
