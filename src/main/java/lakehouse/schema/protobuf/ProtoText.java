package lakehouse.schema.protobuf;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.Message;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TextFormat;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kotlin.ranges.IntRange;

/**
 * Turns {@code .proto} text into protobuf-java descriptors, as Redpanda's Schema Registry does with protoc's parser
 * ({@code pandaproxy/schema_registry/protobuf.cc}, {@code parser::parse}, {@code build_file}). Wire's parser reads the
 * text; the {@link FileDescriptorProto} is laid out here the way protoc lays it out, because Redpanda's columns and
 * message indexes follow that layout: fields, {@code oneof} members included, in declaration order; nested types
 * in declaration order, with the entry type of a {@code map} field and the type of a group where the field is
 * declared; proto3 {@code optional} fields in synthetic oneofs after the real ones. Type names are left as written;
 * protobuf-java resolves them by protoc's scoping rules when it builds the file.
 *
 * <p>Imports are resolved from the texts given (Redpanda's schema references) first, then from the well-known types
 * protobuf-java ships. Redpanda also knows {@code google/type/*.proto} and Confluent's {@code confluent/meta.proto}
 * and {@code confluent/types/decimal.proto}; those must be given as imports here. Editions are not parsed: Wire
 * 7 refuses {@code edition = "2023"}.
 */
final class ProtoText {
  /** The well-known files protobuf-java ships, by import name; Redpanda's {@code known_types} has them too. */
  static final Map<String, FileDescriptor> WELL_KNOWN = wellKnown();

  private static final Set<String> SCALARS = Set.of("double", "float", "int32", "int64", "uint32", "uint64", "sint32",
      "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes");
  private static final Comparator<Location> SOURCE_ORDER =
      Comparator.comparingInt(Location::getLine).thenComparingInt(Location::getColumn);

  private final Map<String, String> imports;
  private final Map<String, FileDescriptor> built = new LinkedHashMap<>();
  private final Set<String> building = new HashSet<>();

  private ProtoText(Map<String, String> imports) {
    this.imports = imports;
  }

  /**
   * The descriptor of one file, built with its imports.
   *
   * @throws IllegalArgumentException naming the file, line and problem when the text does not parse, an import is
   *     missing or a name does not resolve
   */
  static FileDescriptor build(String fileName, String text, Map<String, String> imports) {
    return new ProtoText(imports).file(fileName, text);
  }

  /**
   * Every import given, imported or not, then the file itself, as Redpanda builds a schema's references before the
   * schema ({@code build_file_with_refs}); the file comes first in the list.
   */
  static List<FileDescriptor> buildWithReferences(String fileName, String text, Map<String, String> imports) {
    ProtoText builder = new ProtoText(imports);
    imports.forEach(builder::file);
    List<FileDescriptor> files = new ArrayList<>();
    files.add(builder.file(fileName, text));
    builder.built.values().stream().filter(f -> f != files.get(0)).forEach(files::add);
    return files;
  }

  private FileDescriptor file(String name, String text) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    if (!building.add(name)) {
      throw new IllegalArgumentException(name + " imports itself through " + building);
    }
    ProtoFileElement element = parse(name, text);
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : dependencyNames(element)) {
      dependencies.add(dependency(name, dependency));
    }
    FileDescriptorProto proto = fileProto(name, element);
    FileDescriptor file;
    try {
      file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
    } catch (Descriptors.DescriptorValidationException e) {
      throw new IllegalArgumentException(name + " is not a valid .proto file: " + e.getMessage(), e);
    }
    building.remove(name);
    built.put(name, file);
    return file;
  }

  private static ProtoFileElement parse(String name, String text) {
    try {
      return ProtoParser.Companion.parse(Location.get(name), text);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Wire says "Syntax error in <file>:<line>:<column>: <problem>".
      throw new IllegalArgumentException(".proto text does not parse: " + e.getMessage(), e);
    }
  }

  private static List<String> dependencyNames(ProtoFileElement element) {
    List<String> names = new ArrayList<>(element.getImports());
    names.addAll(element.getPublicImports());
    names.addAll(element.getWeakImports());
    return names;
  }

  private FileDescriptor dependency(String importer, String name) {
    String text = imports.get(name);
    if (text != null) {
      return file(name, text);
    }
    FileDescriptor wellKnown = WELL_KNOWN.get(name);
    if (wellKnown != null) {
      return wellKnown;
    }
    throw new IllegalArgumentException(importer + " imports \"" + name + "\", which is neither one of the imports"
        + " given " + imports.keySet() + " nor a well-known type protobuf-java ships " + WELL_KNOWN.keySet()
        + ": pass its text as an import (in Redpanda, a schema reference)");
  }

  private static FileDescriptorProto fileProto(String name, ProtoFileElement element) {
    FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder().setName(name);
    if (element.getPackageName() != null) {
      file.setPackage(element.getPackageName());
    }
    boolean proto3 = element.getSyntax() == Syntax.PROTO_3;
    if (proto3) {
      // protoc leaves proto2 files without a syntax.
      file.setSyntax("proto3");
    }
    int index = 0;
    for (String dependency : element.getImports()) {
      file.addDependency(dependency);
      index++;
    }
    for (String dependency : element.getPublicImports()) {
      file.addDependency(dependency).addPublicDependency(index++);
    }
    for (String dependency : element.getWeakImports()) {
      file.addDependency(dependency).addWeakDependency(index++);
    }
    for (TypeElement type : element.getTypes()) {
      if (type instanceof MessageElement message) {
        file.addMessageType(message(message, proto3));
      } else if (type instanceof EnumElement enumElement) {
        file.addEnumType(enumType(enumElement));
      }
    }
    for (ExtendElement extend : element.getExtendDeclarations()) {
      for (FieldElement field : extend.getFields()) {
        file.addExtension(field(field, proto3).setExtendee(extend.getName()));
      }
    }
    for (ServiceElement service : element.getServices()) {
      file.addService(service(service));
    }
    whenAny(options(element.getOptions(), DescriptorProtos.FileOptions.newBuilder(), name), file::setOptions);
    return file.build();
  }

  /** One member of a message body, kept with where it was declared so that protoc's order can be restored. */
  private record Member(Location location, Object element, OneOfElement oneOf) {}

  private static DescriptorProto message(MessageElement element, boolean proto3) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(element.getName());
    List<Member> members = new ArrayList<>();
    element.getFields().forEach(f -> members.add(new Member(f.getLocation(), f, null)));
    element.getGroups().forEach(g -> members.add(new Member(g.getLocation(), g, null)));
    element.getNestedTypes().forEach(t -> members.add(new Member(t.getLocation(), t, null)));
    for (OneOfElement oneOf : element.getOneOfs()) {
      oneOf.getFields().forEach(f -> members.add(new Member(f.getLocation(), f, oneOf)));
      oneOf.getGroups().forEach(g -> members.add(new Member(g.getLocation(), g, oneOf)));
      OneofDescriptorProto.Builder oneofProto = message.addOneofDeclBuilder().setName(oneOf.getName());
      whenAny(options(oneOf.getOptions(), DescriptorProtos.OneofOptions.newBuilder(), oneOf.getName()),
          oneofProto::setOptions);
    }
    members.sort(Comparator.comparing(Member::location, SOURCE_ORDER));
    for (Member member : members) {
      Integer oneofIndex = member.oneOf() == null ? null : element.getOneOfs().indexOf(member.oneOf());
      if (member.element() instanceof FieldElement field) {
        FieldDescriptorProto.Builder fieldProto = field(field, proto3);
        if (oneofIndex != null) {
          fieldProto.setOneofIndex(oneofIndex);
        } else if (proto3 && field.getLabel() == Field.Label.OPTIONAL) {
          fieldProto.setProto3Optional(true);
        }
        if (field.getType().startsWith("map<")) {
          message.addNestedType(mapEntry(field, fieldProto, proto3));
        }
        message.addField(fieldProto);
      } else if (member.element() instanceof GroupElement group) {
        message.addNestedType(group(group, proto3));
        FieldDescriptorProto.Builder fieldProto = FieldDescriptorProto.newBuilder()
            .setName(group.getName().toLowerCase(Locale.ROOT))
            .setNumber(group.getTag())
            .setLabel(label(group.getLabel()))
            .setType(FieldDescriptorProto.Type.TYPE_GROUP)
            .setTypeName(group.getName());
        if (oneofIndex != null) {
          fieldProto.setOneofIndex(oneofIndex);
        }
        message.addField(fieldProto);
      } else if (member.element() instanceof MessageElement nested) {
        message.addNestedType(message(nested, proto3));
      } else if (member.element() instanceof EnumElement nested) {
        message.addEnumType(enumType(nested));
      }
    }
    syntheticOneofs(message);
    for (ExtensionsElement extensions : element.getExtensions()) {
      for (Object value : extensions.getValues()) {
        int[] range = range(value);
        DescriptorProto.ExtensionRange.Builder extensionRange =
            message.addExtensionRangeBuilder().setStart(range[0]).setEnd(range[1] + 1);
        whenAny(options(extensions.getOptions(),
            DescriptorProtos.ExtensionRangeOptions.newBuilder(), element.getName() + " extensions"),
            extensionRange::setOptions);
      }
    }
    for (ReservedElement reserved : element.getReserveds()) {
      for (Object value : reserved.getValues()) {
        if (value instanceof String reservedName) {
          message.addReservedName(reservedName);
        } else {
          int[] range = range(value);
          message.addReservedRangeBuilder().setStart(range[0]).setEnd(range[1] + 1);
        }
      }
    }
    for (ExtendElement extend : element.getExtendDeclarations()) {
      for (FieldElement field : extend.getFields()) {
        message.addExtension(field(field, proto3).setExtendee(extend.getName()));
      }
    }
    whenAny(options(element.getOptions(), DescriptorProtos.MessageOptions.newBuilder(), element.getName()),
        message::setOptions);
    return message.build();
  }

  /**
   * protoc gives each proto3 {@code optional} field a oneof of its own, named {@code _<field>} (prefixed with
   * {@code X} until the name is free), after every real oneof.
   */
  private static void syntheticOneofs(DescriptorProto.Builder message) {
    Set<String> taken = new HashSet<>();
    message.getFieldBuilderList().forEach(f -> taken.add(f.getName()));
    message.getNestedTypeList().forEach(t -> taken.add(t.getName()));
    message.getEnumTypeList().forEach(t -> taken.add(t.getName()));
    message.getOneofDeclList().forEach(o -> taken.add(o.getName()));
    for (FieldDescriptorProto.Builder field : message.getFieldBuilderList()) {
      if (!field.getProto3Optional()) {
        continue;
      }
      String name = "_" + field.getName();
      while (taken.contains(name)) {
        name = "X" + name;
      }
      taken.add(name);
      field.setOneofIndex(message.getOneofDeclCount());
      message.addOneofDecl(OneofDescriptorProto.newBuilder().setName(name));
    }
  }

  private static FieldDescriptorProto.Builder field(FieldElement element, boolean proto3) {
    FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder()
        .setName(element.getName())
        .setNumber(element.getTag())
        .setLabel(label(element.getLabel()));
    String type = element.getType();
    if (type.startsWith("map<")) {
      field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
          .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
          .setTypeName(mapEntryName(element.getName()));
    } else if (SCALARS.contains(type)) {
      field.setType(FieldDescriptorProto.Type.valueOf("TYPE_" + type.toUpperCase(Locale.ROOT)));
    } else {
      // Message or enum: protobuf-java tells which when it resolves the name.
      field.setTypeName(type);
    }
    if (element.getJsonName() != null) {
      field.setJsonName(element.getJsonName());
    }
    if (element.getDefaultValue() != null) {
      field.setDefaultValue("bytes".equals(type) ? escapeBytes(element.getDefaultValue()) : element.getDefaultValue());
    }
    whenAny(options(element.getOptions(), DescriptorProtos.FieldOptions.newBuilder(), element.getName()),
        field::setOptions);
    return field;
  }

  /** A field of type {@code map<K, V>} stands for a repeated nested message {@code <Field>Entry} of key and value. */
  private static DescriptorProto mapEntry(FieldElement element, FieldDescriptorProto.Builder field, boolean proto3) {
    String type = element.getType();
    String arguments = type.substring("map<".length(), type.length() - 1);
    int comma = arguments.indexOf(',');
    String keyType = arguments.substring(0, comma).trim();
    String valueType = arguments.substring(comma + 1).trim();
    Location at = element.getLocation();
    return DescriptorProto.newBuilder()
        .setName(field.getTypeName())
        .addField(field(new FieldElement(at, Field.Label.OPTIONAL, keyType, "key", null, null, 1, "", List.of()),
            proto3))
        .addField(field(new FieldElement(at, Field.Label.OPTIONAL, valueType, "value", null, null, 2, "", List.of()),
            proto3))
        .setOptions(DescriptorProtos.MessageOptions.newBuilder().setMapEntry(true))
        .build();
  }

  /** protoc's name for a map field's entry type: the field name in CamelCase, then {@code Entry}. */
  static String mapEntryName(String fieldName) {
    StringBuilder name = new StringBuilder();
    boolean capitalNext = true;
    for (char c : fieldName.toCharArray()) {
      if (c == '_') {
        capitalNext = true;
      } else if (capitalNext) {
        name.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        capitalNext = false;
      } else {
        name.append(c);
      }
    }
    return name.append("Entry").toString();
  }

  private static DescriptorProto group(GroupElement group, boolean proto3) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(group.getName());
    group.getFields().forEach(f -> message.addField(field(f, proto3)));
    return message.build();
  }

  /** Services add no columns, but protoc checks their types, so a file with a broken service does not register. */
  private static ServiceDescriptorProto service(ServiceElement element) {
    ServiceDescriptorProto.Builder service = ServiceDescriptorProto.newBuilder().setName(element.getName());
    for (RpcElement rpc : element.getRpcs()) {
      MethodDescriptorProto.Builder method = service.addMethodBuilder()
          .setName(rpc.getName())
          .setInputType(rpc.getRequestType())
          .setOutputType(rpc.getResponseType());
      if (rpc.getRequestStreaming()) {
        method.setClientStreaming(true);
      }
      if (rpc.getResponseStreaming()) {
        method.setServerStreaming(true);
      }
      whenAny(options(rpc.getOptions(), DescriptorProtos.MethodOptions.newBuilder(), rpc.getName()),
          method::setOptions);
    }
    whenAny(options(element.getOptions(), DescriptorProtos.ServiceOptions.newBuilder(), element.getName()),
        service::setOptions);
    return service.build();
  }

  private static EnumDescriptorProto enumType(EnumElement element) {
    EnumDescriptorProto.Builder enumType = EnumDescriptorProto.newBuilder().setName(element.getName());
    for (EnumConstantElement constant : element.getConstants()) {
      EnumValueDescriptorProto.Builder value = enumType.addValueBuilder()
          .setName(constant.getName())
          .setNumber(constant.getTag());
      whenAny(options(constant.getOptions(), DescriptorProtos.EnumValueOptions.newBuilder(),
          constant.getName()), value::setOptions);
    }
    for (ReservedElement reserved : element.getReserveds()) {
      for (Object value : reserved.getValues()) {
        if (value instanceof String reservedName) {
          enumType.addReservedName(reservedName);
        } else {
          int[] range = range(value);
          // Enum reserved ranges are inclusive at both ends.
          enumType.addReservedRangeBuilder().setStart(range[0]).setEnd(range[1]);
        }
      }
    }
    whenAny(options(element.getOptions(), DescriptorProtos.EnumOptions.newBuilder(), element.getName()),
        enumType::setOptions);
    return enumType.build();
  }

  private static FieldDescriptorProto.Label label(Field.Label label) {
    if (label == null) {
      return FieldDescriptorProto.Label.LABEL_OPTIONAL;
    }
    return switch (label) {
      case REQUIRED -> FieldDescriptorProto.Label.LABEL_REQUIRED;
      case REPEATED -> FieldDescriptorProto.Label.LABEL_REPEATED;
      default -> FieldDescriptorProto.Label.LABEL_OPTIONAL;
    };
  }

  /** A reserved or extension value: a number or an inclusive range. */
  private static int[] range(Object value) {
    if (value instanceof Integer number) {
      return new int[] {number, number};
    }
    if (value instanceof IntRange range) {
      return new int[] {range.getFirst(), range.getLast()};
    }
    throw new IllegalArgumentException("unexpected range " + value);
  }

  /** A bytes default as protoc stores it: C-escaped. Wire has already unescaped it into one char per byte. */
  private static String escapeBytes(String unescaped) {
    boolean bytesOnly = unescaped.chars().allMatch(c -> c < 256);
    byte[] bytes = unescaped.getBytes(bytesOnly ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    return TextFormat.escapeBytes(ByteString.copyFrom(bytes));
  }

  /**
   * protoc's own options (packed, deprecated, allow_alias, ...) go into the options message; custom options, the
   * parenthesized ones, are extensions this library has no use for and are left out.
   */
  private static <B extends Message.Builder> B options(List<OptionElement> options, B target, String where) {
    StringBuilder text = new StringBuilder();
    for (OptionElement option : options) {
      if (!option.isParenthesized()) {
        appendOption(text, option.getName(), option.getKind(), option.getValue());
      }
    }
    if (text.isEmpty()) {
      return target;
    }
    try {
      TextFormat.merge(text, target);
      return target;
    } catch (TextFormat.ParseException e) {
      throw new IllegalArgumentException("an option of " + where + " is not one protoc knows: " + text + " ("
          + e.getMessage() + ")", e);
    }
  }

  /** Sets options only where there are some, as protoc does: an empty options message would still be present. */
  private static <B extends Message.Builder> void whenAny(B options, java.util.function.Consumer<B> set) {
    if (!options.getAllFields().isEmpty()) {
      set.accept(options);
    }
  }

  private static void appendOption(StringBuilder text, String name, OptionElement.Kind kind, Object value) {
    String[] path = name.split("\\.");
    for (int i = 0; i < path.length - 1; i++) {
      text.append(path[i]).append(" { ");
    }
    String last = path[path.length - 1];
    if (kind == OptionElement.Kind.OPTION) {
      OptionElement nested = (OptionElement) value;
      text.append(last).append(" { ");
      appendOption(text, nested.getName(), nested.getKind(), nested.getValue());
      text.append("} ");
    } else if (kind == OptionElement.Kind.LIST) {
      for (Object element : (List<?>) value) {
        text.append(last).append(": ");
        appendValue(text, element);
        text.append(' ');
      }
    } else {
      text.append(last).append(kind == OptionElement.Kind.MAP ? " " : ": ");
      appendValue(text, kind, value);
      text.append(' ');
    }
    for (int i = 0; i < path.length - 1; i++) {
      text.append("} ");
    }
  }

  private static void appendValue(StringBuilder text, Object value) {
    if (value instanceof OptionElement.OptionPrimitive primitive) {
      appendValue(text, primitive.getKind(), primitive.getValue());
    } else if (value instanceof Map<?, ?> map) {
      appendValue(text, OptionElement.Kind.MAP, map);
    } else if (value instanceof List<?> list) {
      text.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          text.append(", ");
        }
        appendValue(text, list.get(i));
      }
      text.append(']');
    } else if (value instanceof String string) {
      // Wire keeps quoted strings as plain strings; identifiers and numbers arrive as primitives.
      appendValue(text, OptionElement.Kind.STRING, string);
    } else if (value instanceof OptionElement option) {
      text.append("{ ");
      appendOption(text, option.getName(), option.getKind(), option.getValue());
      text.append('}');
    } else {
      text.append(value);
    }
  }

  private static void appendValue(StringBuilder text, OptionElement.Kind kind, Object value) {
    switch (kind) {
      case STRING -> text.append('"').append(TextFormat.escapeDoubleQuotesAndBackslashes(String.valueOf(value)))
          .append('"');
      case MAP -> {
        text.append("{ ");
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          Object entryValue = entry.getValue();
          if (entryValue instanceof List<?> list) {
            for (Object element : list) {
              text.append(entry.getKey()).append(element instanceof Map<?, ?> ? " " : ": ");
              appendValue(text, element);
              text.append(' ');
            }
          } else {
            text.append(entry.getKey()).append(entryValue instanceof Map<?, ?> ? " " : ": ");
            appendValue(text, entryValue);
            text.append(' ');
          }
        }
        text.append('}');
      }
      default -> text.append(value);
    }
  }

  private static Map<String, FileDescriptor> wellKnown() {
    Map<String, FileDescriptor> files = new LinkedHashMap<>();
    for (FileDescriptor file : List.of(AnyProto.getDescriptor(), ApiProto.getDescriptor(),
        DescriptorProtos.getDescriptor(), DurationProto.getDescriptor(), EmptyProto.getDescriptor(),
        FieldMaskProto.getDescriptor(), SourceContextProto.getDescriptor(), StructProto.getDescriptor(),
        TimestampProto.getDescriptor(), TypeProto.getDescriptor(), WrappersProto.getDescriptor())) {
      files.put(file.getName(), file);
    }
    return java.util.Collections.unmodifiableMap(files);
  }
}
