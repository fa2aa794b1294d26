package lakehouse.schema.avro;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * One node of an Avro schema as Redpanda's Avro library (the C++ one) holds it, which is what Redpanda's rules walk.
 * The difference from Java's {@link Schema}: a named type is a node where it is defined (first, reading the schema
 * in order) and a <em>symbolic</em> node at every later use of its name, pointing back to the definition. Redpanda
 * counts symbolic nodes in its depth limits, labels some of them {@code symbolic} in unions, and finds recursion by
 * meeting a node again on its way down.
 */
final class AvroNode {
  private final Schema schema;
  private final AvroNode target;
  private final List<AvroNode> leaves = new ArrayList<>();

  private AvroNode(Schema schema, AvroNode target) {
    this.schema = schema;
    this.target = target;
  }

  /** The node tree of a parsed schema; a named type met again becomes a symbolic node (avro Compiler.cc makeNode). */
  static AvroNode tree(Schema root) {
    return of(root, new IdentityHashMap<>());
  }

  private static AvroNode of(Schema schema, Map<Schema, AvroNode> defined) {
    AvroNode definition = defined.get(schema);
    if (definition != null) {
      return new AvroNode(schema, definition);
    }
    AvroNode node = new AvroNode(schema, null);
    switch (schema.getType()) {
      case RECORD -> {
        defined.put(schema, node);
        schema.getFields().forEach(field -> node.leaves.add(of(field.schema(), defined)));
      }
      case ENUM, FIXED -> defined.put(schema, node);
      case ARRAY -> node.leaves.add(of(schema.getElementType(), defined));
      case MAP -> node.leaves.add(of(schema.getValueType(), defined));
      case UNION -> schema.getTypes().forEach(branch -> node.leaves.add(of(branch, defined)));
      default -> { }
    }
    return node;
  }

  boolean isSymbolic() {
    return target != null;
  }

  /** The definition a symbolic node names (avro {@code resolveSymbol}); a node that is not symbolic is itself. */
  AvroNode resolved() {
    return target == null ? this : target;
  }

  Schema schema() {
    return schema;
  }

  /** The type of the schema; a symbolic node has its definition's type here, see {@link #typeName()}. */
  Schema.Type type() {
    return schema.getType();
  }

  /** The type as the C++ library prints it: {@code symbolic} for a symbolic node, else the Avro type name. */
  String typeName() {
    return isSymbolic() ? "symbolic" : schema.getType().getName();
  }

  /** A record's field types in order, an array's items, a map's values, or a union's branches; none if symbolic. */
  List<AvroNode> leaves() {
    return leaves;
  }

  /**
   * The logical type as Redpanda's Avro library reads it, or null. It knows decimal, date, time-millis, time-micros,
   * timestamp-millis, timestamp-micros, duration and uuid, and drops one that does not fit its base type (uuid only
   * on string); Java's parser already dropped malformed decimals the same way (avro Compiler.cc makeLogicalType,
   * Node.cc setLogicalType).
   */
  String logicalType() {
    LogicalType logical = schema.getLogicalType();
    if (logical == null) {
      return null;
    }
    String name = logical.getName();
    return switch (name) {
      case "decimal" -> name;
      case "date", "time-millis" -> type() == Schema.Type.INT ? name : null;
      case "time-micros", "timestamp-millis", "timestamp-micros" -> type() == Schema.Type.LONG ? name : null;
      case "uuid" -> type() == Schema.Type.STRING ? name : null;
      case "duration" -> type() == Schema.Type.FIXED && schema.getFixedSize() == 12 ? name : null;
      default -> null;
    };
  }

  /**
   * The other branch of a union of exactly two branches one of which is null, Redpanda's optional; else null
   * (avro_utils.cc maybe_flatten_union).
   */
  AvroNode optionalOf() {
    if (type() != Schema.Type.UNION || leaves().size() != 2) {
      return null;
    }
    if (leaves().get(0).type() == Schema.Type.NULL) {
      return leaves().get(1);
    }
    if (leaves().get(1).type() == Schema.Type.NULL) {
      return leaves().get(0);
    }
    return null;
  }

  /**
   * The name of this union branch's field in the union's struct (avro_utils.cc union_branch_label). Meant to be
   * Avro's JSON encoding of unions, it differs from it: a record, fixed, enum or decimal fixed gives its simple name,
   * not its full one; a logical type gives its base type ({@code int} for a date); and an enum or a decimal fixed
   * used by name after its definition gives {@code symbolic}, the type of the C++ node, since the label is read from
   * the branch's node without resolving it. A record or plain fixed used by name gives its name all the same.
   */
  String unionBranchLabel() {
    AvroNode definition = resolved();
    return switch (definition.type()) {
      case RECORD -> definition.schema.getName();
      case ARRAY -> "array";
      case MAP -> "map";
      case FIXED -> isSymbolic() && "decimal".equals(definition.logicalType())
          ? typeName() : definition.schema.getName();
      case ENUM -> isSymbolic() ? typeName() : definition.schema.getName();
      default -> typeName();
    };
  }

  @Override
  public String toString() {
    return isSymbolic() ? "symbolic " + schema.getFullName() : schema.toString();
  }
}
