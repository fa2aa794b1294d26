package lakehouse.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The columns Redpanda derives from a message (iceberg/conversion/schema_protobuf.cc, from_protobuf). */
class ProtobufTypesTest {

  /** from_protobuf's switch; TestProtoNumbers and TestUInt64Fallback (uint64/fixed64 fall back to strings). */
  @Test
  void eachScalarTypeBecomesRedpandasColumnType() {
    assertThat(columns("""
        syntax = "proto3";
        message M {
          bool a_bool = 1; double a_double = 2; float a_float = 3;
          int32 a_int32 = 4; sint32 a_sint32 = 5; sfixed32 a_sfixed32 = 6;
          int64 a_int64 = 7; sint64 a_sint64 = 8; sfixed64 a_sfixed64 = 9;
          uint32 a_uint32 = 10; fixed32 a_fixed32 = 11;
          uint64 a_uint64 = 12; fixed64 a_fixed64 = 13;
          string a_string = 14; bytes a_bytes = 15;
          E an_enum = 16;
        }
        enum E { A = 0; B = 1; }
        """)).containsExactly("a_bool boolean", "a_double double", "a_float float",
        "a_int32 int", "a_sint32 int", "a_sfixed32 int",
        "a_int64 long", "a_sint64 long", "a_sfixed64 long",
        "a_uint32 long", "a_fixed32 long",
        "a_uint64 string", "a_fixed64 string",
        "a_string string", "a_bytes binary",
        "an_enum string");
  }

  /** TestComplexSchema: maps (string keys to structs), lists of structs, nested lists, enums as strings. */
  @Test
  void messagesListsAndMapsNest() {
    assertThat(columns("""
        syntax = "proto3";
        enum State { ACTIVE = 0; INACTIVE = 1; }
        message BrokerShard { int64 id = 1; int32 shard = 2; }
        message Partition { int32 id = 1; repeated BrokerShard replicas = 2; State state = 3; }
        message Topic { string name = 1; repeated Partition partitions = 2; }
        message Metadata { map<string, Topic> topics = 1; repeated int64 nodes = 2; map<uint64, State> states = 3; }
        """, "Metadata")).containsExactly(
        "topics map<string, struct<name string, partitions list<struct<id int, replicas list<struct<id long,"
            + " shard int>>, state string>>>>",
        "nodes list<long>",
        "states map<string, string>");
  }

  /** TestMessageWithOneOfField: each member is a column of its own, in declaration order among the other fields. */
  @Test
  void oneofMembersAreColumnsOfTheirOwnInDeclarationOrder() {
    assertThat(columns("""
        syntax = "proto3";
        message M {
          string before = 9;
          oneof oneof_field {
            uint32 oneof_uint32 = 1;
            string oneof_string = 2;
            bytes oneof_bytes = 3;
            bool oneof_bool = 4;
          }
          optional int32 after = 5;
        }
        """)).containsExactly("before string", "oneof_uint32 long", "oneof_string string", "oneof_bytes binary",
        "oneof_bool boolean", "after int");
  }

  /** Every column optional (field_required::no), required proto2 fields too; the list element optional as well. */
  @Test
  void proto2RequiredFieldsAreOptionalColumns() {
    assertThat(ProtobufSchema.parse("""
        syntax = "proto2";
        message M { required string id = 1; repeated int32 xs = 2; map<int32, int64> m = 3; }
        """).firstMessage().valueType().fields()).allMatch(f -> f.isOptional());
    assertThat(columns("""
        syntax = "proto2";
        message M { required string id = 1; repeated int32 xs = 2; map<int32, int64> m = 3; }
        """)).containsExactly("id string", "xs list<int>", "m map<int, long>");
  }

  /**
   * TestMessageWithTimestamp, -Struct, -Value, -ListValue, -Date: the special messages are one column each; the
   * other well-known types are structs of their fields.
   */
  @Test
  void wellKnownTypes() {
    String date = "syntax = \"proto3\";\npackage redpanda.datalake;\nmessage Date { int32 date = 1; }\n";
    assertThat(Shapes.columns(ProtobufSchema.parse("""
        syntax = "proto3";
        import "google/protobuf/timestamp.proto";
        import "google/protobuf/struct.proto";
        import "google/protobuf/duration.proto";
        import "google/protobuf/wrappers.proto";
        import "google/protobuf/any.proto";
        import "google/protobuf/empty.proto";
        import "google/protobuf/field_mask.proto";
        import "redpanda/datalake/date.proto";
        message M {
          google.protobuf.Timestamp timestamp = 1;
          google.protobuf.Struct struct_field = 2;
          google.protobuf.Value value_field = 3;
          google.protobuf.ListValue list_value_field = 4;
          redpanda.datalake.Date date = 5;
          google.protobuf.Duration duration = 6;
          google.protobuf.Int64Value wrapped = 7;
          google.protobuf.Any any = 8;
          google.protobuf.Empty empty = 9;
          google.protobuf.FieldMask mask = 10;
          repeated google.protobuf.Timestamp times = 11;
        }
        """, Map.of("redpanda/datalake/date.proto", date)).firstMessage().valueType())).containsExactly(
        "timestamp timestamptz", "struct_field string", "value_field string", "list_value_field string",
        "date date", "duration struct<seconds long, nanos int>", "wrapped struct<value long>",
        "any struct<type_url string, value binary>", "empty struct<>", "mask struct<paths list<string>>",
        "times list<timestamptz>");
  }

  private static java.util.List<String> columns(String proto) {
    return Shapes.columns(ProtobufSchema.parse(proto).firstMessage().valueType());
  }

  private static java.util.List<String> columns(String proto, String message) {
    return Shapes.columns(ProtobufSchema.parse(proto).message(message).valueType());
  }
}
