package lakehouse.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The descriptors built from {@code .proto} text are the ones protoc builds (Redpanda's registry parses with protoc's
 * parser): the oracle is the descriptors protoc compiled into protobuf-java and Google's common protos, next to the
 * very text they were compiled from.
 */
class ProtoTextTest {

  static Stream<String> wellKnownFiles() {
    return ProtoText.WELL_KNOWN.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("wellKnownFiles")
  void aWellKnownFileGivesTheDescriptorProtocGave(String name) {
    FileDescriptor parsed = ProtoText.build(name, resource(name), Map.of());

    assertThat(comparable(parsed)).isEqualTo(comparable(ProtoText.WELL_KNOWN.get(name)));
  }

  static Stream<String> commonProtos() {
    return COMMON_PROTOS.keySet().stream();
  }

  /** Maps, oneofs, proto3 optional, nested types, imports and custom options, as protoc laid them out. */
  @ParameterizedTest
  @MethodSource("commonProtos")
  void aCommonProtoGivesTheDescriptorProtocGave(String name) throws ReflectiveOperationException {
    FileDescriptor parsed = ProtoText.build(name, COMMON_PROTOS.get(name), COMMON_PROTOS);

    assertThat(comparable(parsed)).isEqualTo(comparable(generated(parsed)));
  }

  @Test
  void anUnparsableFileNamesTheLineAndTheProblem() {
    String text = "syntax = \"proto3\";\nmessage M {\n  int32 a = ;\n}\n";

    assertThatThrownBy(() -> ProtoText.build("v.proto", text, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v.proto:3:")
        .hasMessageContaining("expected");
  }

  @Test
  void anUnknownTypeIsNamed() {
    assertThatThrownBy(() -> ProtoText.build("v.proto", "syntax = \"proto3\";\nmessage M { Nope a = 1; }\n", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Nope");
  }

  @Test
  void aMissingImportSaysToPassItAsAReference() {
    assertThatThrownBy(() -> ProtoText.build("v.proto", "syntax = \"proto3\";\nimport \"other.proto\";\n", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other.proto")
        .hasMessageContaining("schema reference");
  }

  @Test
  void editionsAreNotParsed() {
    assertThatThrownBy(() -> ProtoText.build("v.proto", "edition = \"2023\";\nmessage M { int32 a = 1; }\n", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edition");
  }

  @Test
  void protocsMapEntryNames() {
    assertThat(List.of("topics", "map_int32_int32", "_x", "a1_b")).extracting(ProtoText::mapEntryName)
        .containsExactly("TopicsEntry", "MapInt32Int32Entry", "XEntry", "A1BEntry");
  }

  /** The descriptor protoc generated for a file: its outer class is named by the file's options. */
  private static FileDescriptor generated(FileDescriptor parsed) throws ReflectiveOperationException {
    String outer = parsed.getOptions().getJavaOuterClassname();
    return (FileDescriptor) Class.forName(parsed.getOptions().getJavaPackage() + "." + outer)
        .getMethod("getDescriptor").invoke(null);
  }

  /**
   * The file as built, with every type name resolved as protoc writes it, and without what protoc's generated
   * descriptors leave out or keep as unknown fields: source-retention options and custom options.
   */
  static String comparable(FileDescriptor file) {
    FileDescriptorProto.Builder builder = file.toProto().toBuilder();
    for (int i = 0; i < builder.getMessageTypeCount(); i++) {
      resolve(builder.getMessageTypeBuilder(i), file.getMessageTypes().get(i));
    }
    for (int i = 0; i < builder.getExtensionCount(); i++) {
      resolve(builder.getExtensionBuilder(i), file.getExtensions().get(i));
    }
    for (int i = 0; i < builder.getServiceCount(); i++) {
      for (int m = 0; m < builder.getService(i).getMethodCount(); m++) {
        builder.getServiceBuilder(i).getMethodBuilder(m)
            .setInputType("." + file.getServices().get(i).getMethods().get(m).getInputType().getFullName())
            .setOutputType("." + file.getServices().get(i).getMethods().get(m).getOutputType().getFullName());
      }
    }
    return withoutUnknownFields(builder.build()).toString();
  }

  private static void resolve(DescriptorProto.Builder message, Descriptor descriptor) {
    message.getExtensionRangeBuilderList().forEach(DescriptorProto.ExtensionRange.Builder::clearOptions);
    for (int i = 0; i < message.getFieldCount(); i++) {
      resolve(message.getFieldBuilder(i), descriptor.getFields().get(i));
    }
    for (int i = 0; i < message.getExtensionCount(); i++) {
      resolve(message.getExtensionBuilder(i), descriptor.getExtensions().get(i));
    }
    for (int i = 0; i < message.getNestedTypeCount(); i++) {
      resolve(message.getNestedTypeBuilder(i), descriptor.getNestedTypes().get(i));
    }
  }

  private static void resolve(FieldDescriptorProto.Builder field, FieldDescriptor descriptor) {
    field.clearJsonName().setType(descriptor.getType().toProto());
    if (descriptor.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      field.setTypeName("." + descriptor.getMessageType().getFullName());
    } else if (descriptor.getJavaType() == FieldDescriptor.JavaType.ENUM) {
      field.setTypeName("." + descriptor.getEnumType().getFullName());
    }
    if (descriptor.isExtension()) {
      field.setExtendee("." + descriptor.getContainingType().getFullName());
    }
  }

  /** Custom options are extensions or unknown fields; they are dropped, and an options message left empty too. */
  @SuppressWarnings("unchecked")
  private static <M extends Message> M withoutUnknownFields(M message) {
    Message.Builder builder = message.toBuilder().setUnknownFields(UnknownFieldSet.getDefaultInstance());
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      if (descriptor.isExtension()) {
        builder.clearField(descriptor);
        continue;
      }
      if (descriptor.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (descriptor.isRepeated()) {
        builder.clearField(descriptor);
        for (Object element : (List<?>) field.getValue()) {
          builder.addRepeatedField(descriptor, withoutUnknownFields((Message) element));
        }
      } else {
        Message cleaned = withoutUnknownFields((Message) field.getValue());
        if (descriptor.getName().equals("options") && cleaned.getAllFields().isEmpty()) {
          builder.clearField(descriptor);
        } else {
          builder.setField(descriptor, cleaned);
        }
      }
    }
    return (M) builder.build();
  }

  private static final Map<String, String> COMMON_PROTOS = commonProtoTexts();

  /** Every .proto in Google's common protos jar, by import name. */
  private static Map<String, String> commonProtoTexts() {
    try {
      Path jar = Path.of(com.google.type.Date.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Map<String, String> texts = new TreeMap<>();
      try (FileSystem zip = FileSystems.newFileSystem(jar); Stream<Path> files = Files.walk(zip.getPath("/"))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".proto")).toList()) {
          texts.put(file.toString().substring(1), Files.readString(file));
        }
      }
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ProtoTextTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
