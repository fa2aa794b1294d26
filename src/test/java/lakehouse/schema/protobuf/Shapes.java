package lakehouse.schema.protobuf;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Iceberg types written without their field ids, which the tests do not pin: "name type", optional unless marked. */
final class Shapes {
  private Shapes() {}

  static List<String> columns(Types.StructType struct) {
    return struct.fields().stream().map(Shapes::field).toList();
  }

  static String shape(Type type) {
    if (type instanceof Types.StructType struct) {
      return struct.fields().stream().map(Shapes::field).collect(Collectors.joining(", ", "struct<", ">"));
    }
    if (type instanceof Types.ListType list) {
      return "list<" + (list.isElementOptional() ? "" : "required ") + shape(list.elementType()) + ">";
    }
    if (type instanceof Types.MapType map) {
      return "map<" + shape(map.keyType()) + ", " + (map.isValueOptional() ? "" : "required ")
          + shape(map.valueType()) + ">";
    }
    return type.toString();
  }

  private static String field(Types.NestedField field) {
    return field.name() + " " + (field.isOptional() ? "" : "required ") + shape(field.type());
  }
}
