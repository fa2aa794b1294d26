package lakehouse.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import lakehouse.schema.ValueFormat;
import org.junit.jupiter.api.Test;

/** Parsing a registered .proto file and picking the message a record or a topic names. */
class ProtobufSchemaTest {
  /** Shaped like the schema of Redpanda's TestLatestSubjectSchema_Protobuf_MessageName. */
  static final String NESTED = """
      syntax = "proto3";
      package datalake.proto;

      message simple_message {
        string label = 1;
      }

      message other_message {
        int64 number = 1;
      }

      message nested_message {
        message inner_message_t1 {
          string inner_label_1 = 1;
          int32 inner_number_1 = 2;
        }
        map<string, int32> counts = 1;
        message inner_message_t2 {
          bool flag = 1;
        }
        inner_message_t1 first = 2;
        inner_message_t2 second = 3;
      }
      """;

  @Test
  void theSchemaIsTheWholeFileInProtobufFormat() {
    ProtobufMessage message = ProtobufSchema.parse(NESTED).firstMessage();

    assertThat(message.format()).isEqualTo(ValueFormat.PROTOBUF);
    assertThat(message.text()).isEqualTo(NESTED);
    assertThat(message.fullName()).isEqualTo("datalake.proto.simple_message");
  }

  /** get_proto_offsets: a count of 0 means [0]. */
  @Test
  void noIndexesIsTheFirstMessage() {
    ProtobufSchema schema = ProtobufSchema.parse(NESTED);

    assertThat(schema.message(List.of()).fullName()).isEqualTo("datalake.proto.simple_message");
    assertThat(schema.message(List.of()).indexes()).containsExactly(0);
    assertThat(schema.message(List.of(1)).fullName()).isEqualTo("datalake.proto.other_message");
  }

  /**
   * descriptor(def, fields) in pandaproxy/schema_registry/protobuf.cc walks message_type, then nested_type; protoc
   * puts a map field's entry type among the nested types where the field is declared.
   */
  @Test
  void furtherIndexesWalkNestedTypesMapEntriesIncluded() {
    ProtobufSchema schema = ProtobufSchema.parse(NESTED);

    assertThat(schema.message(List.of(2, 0)).fullName()).isEqualTo("datalake.proto.nested_message.inner_message_t1");
    assertThat(schema.message(List.of(2, 1)).fullName()).isEqualTo("datalake.proto.nested_message.CountsEntry");
    assertThat(schema.message(List.of(2, 2)).fullName()).isEqualTo("datalake.proto.nested_message.inner_message_t2");
  }

  /** TestProtobufSchemaBadOffsets: an index out of range sends the record to the dead-letter table. */
  @Test
  void anIndexOutOfRangeIsABadMessageIndex() {
    ProtobufSchema schema = ProtobufSchema.parse(NESTED);

    for (List<Integer> indexes : List.of(List.of(3), List.of(0, 0), List.of(2, 3), List.of(-1), List.of(2, 0, 0))) {
      assertThatThrownBy(() -> schema.message(indexes)).as("%s", indexes)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bad message index");
    }
    assertThatThrownBy(() -> ProtobufSchema.parse("syntax = \"proto3\";\nenum E { A = 0; }\n").firstMessage())
        .hasMessageContaining("bad message index");
  }

  /** TestLatestSubjectSchema_Protobuf_MessageName: protobuf_name=...nested_message.inner_message_t1 is [2, 0]. */
  @Test
  void protobufNameFindsTheMessageByFullName() {
    ProtobufMessage message = ProtobufSchema.parse(NESTED).message("datalake.proto.nested_message.inner_message_t1");

    assertThat(message.indexes()).containsExactly(2, 0);
    assertThat(Shapes.columns(message.valueType())).containsExactly("inner_label_1 string", "inner_number_1 int");
  }

  /** compute_message_offsets: a name FindMessageTypeByName does not find is invalid_config; the topic pauses. */
  @Test
  void anUnknownProtobufNameIsRefused() {
    ProtobufSchema schema = ProtobufSchema.parse(NESTED);

    for (String name : List.of("inner_message_t1", ".datalake.proto.simple_message", "", "datalake.proto.nope")) {
      assertThatThrownBy(() -> schema.message(name)).as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid_config");
    }
  }

  /**
   * compute_message_offsets turns the message found anywhere in the descriptor pool into indexes, and descriptor()
   * walks them from the schema's own file: a name from an import lands on this file's message at those indexes.
   */
  @Test
  void aProtobufNameFromAnImportWalksItsIndexesInThisFile() {
    ProtobufSchema schema = ProtobufSchema.parse("""
        syntax = "proto3";
        import "google/protobuf/timestamp.proto";
        message event { google.protobuf.Timestamp at = 1; }
        """);

    assertThat(schema.message("google.protobuf.Timestamp").fullName()).isEqualTo("event");
  }

  @Test
  void proto2AndImportsOfWellKnownTypesParse() {
    ProtobufSchema schema = ProtobufSchema.parse("""
        syntax = "proto2";
        package p;
        import "google/protobuf/timestamp.proto";
        import "google/protobuf/struct.proto";
        import "google/protobuf/duration.proto";
        import "google/protobuf/wrappers.proto";
        import "google/protobuf/any.proto";
        import "google/protobuf/empty.proto";
        import "google/protobuf/field_mask.proto";
        message m {
          optional google.protobuf.Timestamp at = 1;
          optional google.protobuf.Struct attributes = 2;
          optional google.protobuf.Duration took = 3;
          optional google.protobuf.Int64Value count = 4;
          optional google.protobuf.Any any = 5;
          optional google.protobuf.Empty nothing = 6;
          optional google.protobuf.FieldMask mask = 7;
        }
        """);

    assertThat(schema.firstMessage().violations()).isEmpty();
    assertThat(schema.firstMessage().valueType().fields()).hasSize(7);
  }

  /** Schema references: an import resolves to the text registered under that name (build_file_with_refs). */
  @Test
  void importsResolveToTheReferencesGiven() {
    String date = """
        syntax = "proto3";
        package redpanda.datalake;
        message Date { int32 date = 1; }
        """;
    String address = "syntax = \"proto3\";\nmessage Address { string city = 1; }\n";
    ProtobufSchema schema = ProtobufSchema.parse("""
        syntax = "proto3";
        import "address.proto";
        import "date.proto";
        message Person {
          string name = 1;
          Address address = 2;
          redpanda.datalake.Date dob = 3;
        }
        """, Map.of("address.proto", address, "date.proto", date));

    assertThat(Shapes.columns(schema.message("Person").valueType()))
        .containsExactly("name string", "address struct<city string>", "dob date");
  }

  @Test
  void anUnparsableFileIsRefusedWithItsLine() {
    assertThatThrownBy(() -> ProtobufSchema.parse("syntax = \"proto3\";\n\nmessage m {\n  int32 = 1;\n}\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(":4:");
  }

  @Test
  void anImportNeitherGivenNorWellKnownIsNamed() {
    assertThatThrownBy(() -> ProtobufSchema.parse("syntax = \"proto3\";\nimport \"redpanda/datalake/date.proto\";\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redpanda/datalake/date.proto");
  }
}
