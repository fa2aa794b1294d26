package lakehouse.schema.avro;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import lakehouse.schema.SchemaRules.Violation;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Derives the Iceberg columns of an Avro schema as Redpanda 25.3 does ({@code iceberg/conversion/schema_avro.cc}
 * {@code type_to_iceberg}), and finds where it cannot. Redpanda stops at the first problem; this walk goes on and
 * reports every one (what each means for the topic's records: {@link AvroValueSchema#violations()}).
 *
 * <p>Paths name the Iceberg column the problem sits in: record fields and union branches by name, a list's element
 * as {@code element}, a map's value as {@code value}; the root of a record schema is the empty path.
 */
final class AvroTypeConversion {
  /** schema_avro.cc {@code max_schema_depth}: a node met with this many nodes above it fails the conversion. */
  static final int MAX_SCHEMA_DEPTH = 100;
  /** serde/avro/parser.cc {@code max_nested_depth}: decoding fails on reaching a node at this level. */
  static final int MAX_VALUE_DEPTH = 100;
  /** avro_decimal.h: a decimal's two's complement bytes must fit an int128. */
  static final int MAX_DECIMAL_BYTES = 16;
  /** The Iceberg spec's limit on a decimal's precision. */
  static final int MAX_DECIMAL_PRECISION = 38;
  /** Where Redpanda derives a table the catalog refuses: inferred from its code, not pinned by a Redpanda test. */
  private static final String CATALOG_FAILURE = "; Redpanda's translation then fails and retries rather than"
      + " dead-lettering (coordinator.cc: schema_manager failed → errc::failed; record_multiplexer.cc)";
  /** The rules that fail type_to_iceberg itself: Redpanda then dead-letters every record, whatever it holds. */
  static final Set<String> CONVERSION_FAILURES = Set.of("recursive-type", "depth", "array-of-null", "map-of-null",
      "null-root");
  /** Stands in for a type Redpanda fails to derive, so that the walk goes on to find every other problem. */
  private static final Type FAILED = Types.BinaryType.get();

  private final boolean rootIsRecord;
  /** Redpanda's {@code state.type_hierarchy}: the nodes entered on the way down, compared by identity. */
  private final List<AvroNode> hierarchy = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  private AvroTypeConversion(boolean rootIsRecord) {
    this.rootIsRecord = rootIsRecord;
  }

  /** The value's columns, or null with the reasons why Redpanda cannot derive them. */
  record Result(Types.StructType type, List<Violation> violations) {}

  static Result convert(AvroNode root, String rootColumn) {
    boolean isRecord = root.type() == Schema.Type.RECORD;
    AvroTypeConversion conversion = new AvroTypeConversion(isRecord);
    Types.StructType type = isRecord ? conversion.struct(root, "", true) : conversion.rootColumn(root, rootColumn);
    List<Violation> found = List.copyOf(conversion.violations);
    return new Result(found.isEmpty() ? type : null, found);
  }

  /**
   * A schema that is not a record is one column (type_to_iceberg), its root node entered like any other; a root
   * record is not entered, its fields are the first nodes in the hierarchy.
   */
  private Types.StructType rootColumn(AvroNode root, String column) {
    int before = violations.size();
    Type type = field(root, column, true);
    if (type == null) {
      if (violations.size() == before) {
        violations.add(new Violation("null-root", "", "the schema is \"null\": \"AVRO_NULL is not supported top level"
            + " type\" (schema_avro.cc type_to_iceberg)"));
      }
      return Types.StructType.of();
    }
    return Types.StructType.of(Types.NestedField.optional(ids.incrementAndGet(), column, type));
  }

  /** A record's fields in Avro order, a field of type null left out (struct_from_avro_record). */
  private Types.StructType struct(AvroNode record, String path, boolean alwaysDecoded) {
    List<Types.NestedField> fields = new ArrayList<>();
    List<Schema.Field> avroFields = record.schema().getFields();
    for (int i = 0; i < avroFields.size(); i++) {
      String name = avroFields.get(i).name();
      Type type = field(record.leaves().get(i), child(path, name), alwaysDecoded);
      if (type != null) {
        fields.add(Types.NestedField.optional(ids.incrementAndGet(), name, type));
      }
    }
    return Types.StructType.of(fields);
  }

  /**
   * field_type_from_avro: the Iceberg type of one node, null for Avro's null type. Every node entered counts towards
   * the depth, named-type references and unions included.
   */
  private Type field(AvroNode node, String path, boolean alwaysDecoded) {
    int entered = indexOf(node);
    if (entered >= 0) {
      violations.add(new Violation("recursive-type", path, "refers back to an enclosing type ("
          + recordsFrom(entered) + "): \"Unsupported recursive type\" (schema_avro.cc is_recursive_type)"));
      return FAILED;
    }
    if (hierarchy.size() >= MAX_SCHEMA_DEPTH) {
      violations.add(new Violation("depth", path, "nests " + MAX_SCHEMA_DEPTH + " Avro types deep (named-type"
          + " references and unions count): \"Max nesting depth of " + MAX_SCHEMA_DEPTH + " reached\""
          + " (schema_avro.cc max_schema_depth)"));
      return FAILED;
    }
    hierarchy.add(node);
    try {
      valueDepth(path, alwaysDecoded);
      return type(node, path, alwaysDecoded);
    } finally {
      hierarchy.remove(hierarchy.size() - 1);
    }
  }

  private int indexOf(AvroNode node) {
    for (int i = 0; i < hierarchy.size(); i++) {
      if (hierarchy.get(i) == node) {
        return i;
      }
    }
    return -1;
  }

  /** The records entered since {@code from}: the types that contain themselves. */
  private String recordsFrom(int from) {
    return hierarchy.subList(from, hierarchy.size()).stream()
        .filter(node -> !node.isSymbolic() && node.type() == Schema.Type.RECORD)
        .map(node -> node.schema().getFullName()).distinct().collect(Collectors.joining(", "));
  }

  /**
   * Redpanda's decoder counts levels from the root, the root record included, and gives up at its own limit, which
   * a record schema reaches two levels before the conversion's. Where every value passes through the node (record
   * fields all the way down), every record fails to decode.
   */
  private void valueDepth(String path, boolean alwaysDecoded) {
    int level = hierarchy.size() + (rootIsRecord ? 1 : 0);
    if (alwaysDecoded && level == MAX_VALUE_DEPTH) {
      violations.add(new Violation("value-depth", path, "lies " + MAX_VALUE_DEPTH + " levels deep where every"
          + " value passes: decoding fails with \"max nested field depth of " + MAX_VALUE_DEPTH + " reached\""
          + " (serde/avro/parser.cc max_nested_depth)"));
    }
  }

  /** inner_field_type_from_avro. */
  private Type type(AvroNode node, String path, boolean alwaysDecoded) {
    if (node.isSymbolic()) {
      return field(node.resolved(), path, alwaysDecoded);
    }
    String logical = node.logicalType();
    return switch (node.type()) {
      case STRING -> "uuid".equals(logical) ? Types.UUIDType.get() : Types.StringType.get();
      case BYTES -> "decimal".equals(logical) ? decimal(node, path) : Types.BinaryType.get();
      case INT -> "date".equals(logical) ? Types.DateType.get()
          : "time-millis".equals(logical) ? Types.TimeType.get() : Types.IntegerType.get();
      case LONG -> "time-micros".equals(logical) ? Types.TimeType.get()
          : "timestamp-millis".equals(logical) || "timestamp-micros".equals(logical) ? Types.TimestampType.withZone()
          : Types.LongType.get();
      case FLOAT -> Types.FloatType.get();
      case DOUBLE -> Types.DoubleType.get();
      case BOOLEAN -> Types.BooleanType.get();
      case NULL -> null;
      case RECORD -> struct(node, path, alwaysDecoded);
      case ENUM -> Types.StringType.get();
      case ARRAY -> list(node, path);
      case MAP -> map(node, path);
      case UNION -> union(node, path);
      case FIXED -> "decimal".equals(logical) ? decimal(node, path)
          : Types.FixedType.ofLength(node.schema().getFixedSize());
    };
  }

  private Type list(AvroNode array, String path) {
    Type element = field(array.leaves().get(0), child(path, "element"), false);
    if (element == null) {
      violations.add(new Violation("array-of-null", path, "is an array of null: \"Unsupported type of AVRO_NULL as an"
          + " array element\" (schema_avro.cc)"));
      return FAILED;
    }
    return Types.ListType.ofOptional(ids.incrementAndGet(), element);
  }

  /** Avro's map keys are strings; the key is the one required field of the table. */
  private Type map(AvroNode map, String path) {
    Type value = field(map.leaves().get(0), child(path, "value"), false);
    if (value == null) {
      violations.add(new Violation("map-of-null", path, "is a map of null: \"Unsupported type of AVRO_NULL as a map"
          + " value\" (schema_avro.cc)"));
      return FAILED;
    }
    return Types.MapType.ofOptional(ids.incrementAndGet(), ids.incrementAndGet(), Types.StringType.get(), value);
  }

  /**
   * A union of null and one type is that type, optional; any other union a struct with one optional field per
   * branch but null, named by {@link AvroNode#unionBranchLabel()}.
   */
  private Type union(AvroNode union, String path) {
    AvroNode optional = union.optionalOf();
    if (optional != null) {
      return field(optional, path, false);
    }
    List<Types.NestedField> fields = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (AvroNode branch : union.leaves()) {
      String label = branch.unionBranchLabel();
      Type type = field(branch, child(path, label), false);
      if (type == null) {
        continue;
      }
      if (!labels.add(label)) {
        violations.add(new Violation("duplicate-field", child(path, label), "two branches of the union are both"
            + " labelled '" + label + "' (avro_utils.cc union_branch_label); an Iceberg schema cannot hold two fields"
            + " of one name, so the catalog cannot take the table" + CATALOG_FAILURE));
      }
      fields.add(Types.NestedField.optional(ids.incrementAndGet(), label, type));
    }
    return Types.StructType.of(fields);
  }

  private Type decimal(AvroNode node, String path) {
    LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) node.schema().getLogicalType();
    if (node.type() == Schema.Type.FIXED && node.schema().getFixedSize() > MAX_DECIMAL_BYTES) {
      violations.add(new Violation("decimal-size", path, "is a decimal on fixed(" + node.schema().getFixedSize()
          + "): every value there fails with \"Decimal iobuf can not be larger than " + MAX_DECIMAL_BYTES
          + " bytes\" (iceberg/avro_decimal.h iobuf_to_avro_decimal); use at most fixed(" + MAX_DECIMAL_BYTES + ")"));
    }
    if (decimal.getPrecision() > MAX_DECIMAL_PRECISION) {
      violations.add(new Violation("decimal-precision", path, "is decimal(" + decimal.getPrecision() + ", "
          + decimal.getScale() + "): Iceberg allows a precision of at most " + MAX_DECIMAL_PRECISION + "; Redpanda"
          + " derives the column unchecked (schema_avro.cc create_decimal) and the catalog cannot take it"
          + CATALOG_FAILURE));
      return FAILED;
    }
    return Types.DecimalType.of(decimal.getPrecision(), decimal.getScale());
  }

  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
