package lakehouse.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lakehouse.schema.UntranslatableRecordException;
import org.junit.jupiter.api.Test;

/**
 * A message's bytes as a row, as Redpanda converts them (iceberg/conversion/values_protobuf.cc after
 * serde/protobuf/parser.cc). The bytes come from protobuf-java's own encoder (JsonFormat into a DynamicMessage), or
 * are written field by field with CodedOutputStream where Redpanda's parser is the point.
 */
class ProtobufTranslationTest {
  private static final String PROTO3 = """
      syntax = "proto3";
      package t;
      enum State { ACTIVE = 0; DISABLED = 1; }
      message Numbers {
        double a = 1; float b = 2; int32 c = 3; int64 d = 4; uint32 e = 5; uint64 f = 6;
        sint32 g = 7; sint64 h = 8; fixed32 i = 9; fixed64 j = 10; sfixed32 k = 11; sfixed64 l = 12;
        bool m = 13; string n = 14; bytes o = 15; State p = 16;
      }
      message Inner { int32 x = 1; string y = 2; }
      message Shapes {
        Inner inner = 1;
        repeated Inner inners = 2;
        repeated int32 ints = 3;
        map<int32, int32> counts = 4;
        map<string, Inner> named = 5;
        optional int32 maybe = 6;
        oneof choice { uint32 oneof_uint32 = 7; string oneof_string = 8; bytes oneof_bytes = 9; bool oneof_bool = 10; }
        repeated State states = 11;
      }
      message TopLevel {
        message NestedLevelOne {
          message NestedLevelTwo { string field = 1; }
          NestedLevelTwo nested_level_two = 1;
        }
        NestedLevelOne nested_level_one = 1;
      }
      """;
  private static final String PROTO2 = """
      syntax = "proto2";
      package proto2;
      enum Color { RED = 1; GREEN = 2; BLUE = 3; }
      message MessageWithOptionalFields {
        message Nested { optional int32 field = 1; }
        required string required_string = 1;
        optional string string_with_default = 2 [default = "redpanda"];
        optional int32 optional_int = 3;
        required int32 required_int = 4;
        optional Nested optional_nested = 5;
        map<int32, int64> map = 6;
        repeated int32 list = 7;
        oneof oneof_field {
          uint32 oneof_uint32 = 11;
          string oneof_string = 12;
          bytes oneof_bytes = 13;
          bool oneof_bool = 14;
        }
        optional double ratio = 20 [default = 0.5];
        optional Color color = 21 [default = GREEN];
        optional Color plain_color = 22;
        optional bytes blob = 23 [default = "abc"];
        optional uint64 big = 24 [default = 18446744073709551615];
      }
      """;

  /** TestProtoNumbers and TestUInt64Fallback: uint32 as a long, uint64 and fixed64 as unsigned base-10 strings. */
  @Test
  void scalarsBecomeTheirColumnsJavaTypes() {
    ProtobufMessage numbers = ProtobufSchema.parse(PROTO3).message("t.Numbers");
    Map<String, Object> row = numbers.translate(encode(numbers, """
        {"a": 3.14, "b": 53.4, "c": -5234, "d": 12342542, "e": 4294967295, "f": "18446744073709551615",
         "g": -234234, "h": -2342352435, "i": 4294967294, "j": "45353453435", "k": -234234, "l": -234234342,
         "m": true, "n": "grüße", "o": "AAEC", "p": "DISABLED"}"""));

    assertThat(row).containsExactly(entry("a", 3.14), entry("b", 53.4f), entry("c", -5234), entry("d", 12342542L),
        entry("e", 4294967295L), entry("f", "18446744073709551615"), entry("g", -234234), entry("h", -2342352435L),
        entry("i", 4294967294L), entry("j", "45353453435"), entry("k", -234234), entry("l", -234234342L),
        entry("m", true), entry("n", "grüße"), entry("o", new byte[] {0, 1, 2}), entry("p", "DISABLED"));
  }

  /**
   * TestEmptyMessage: without presence an absent scalar is its type's default (bytes empty, enum its first value),
   * a message is NULL, a repeated field an empty list and a map an empty map.
   */
  @Test
  void anEmptyProto3MessageIsDefaultsAndEmptyCollections() {
    Map<String, Object> numbers = ProtobufSchema.parse(PROTO3).message("t.Numbers").translate(new byte[0]);
    assertThat(numbers).containsExactly(entry("a", 0.0), entry("b", 0.0f), entry("c", 0), entry("d", 0L),
        entry("e", 0L), entry("f", "0"), entry("g", 0), entry("h", 0L), entry("i", 0L), entry("j", "0"),
        entry("k", 0), entry("l", 0L), entry("m", false), entry("n", ""), entry("o", new byte[0]),
        entry("p", "ACTIVE"));

    Map<String, Object> shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes").translate(new byte[0]);
    assertThat(shapes).containsExactly(entry("inner", null), entry("inners", List.of()), entry("ints", List.of()),
        entry("counts", Map.of()), entry("named", Map.of()), entry("maybe", null), entry("oneof_uint32", null),
        entry("oneof_string", null), entry("oneof_bytes", null), entry("oneof_bool", null), entry("states", List.of()));
  }

  /**
   * TestProto2FieldPresence: with presence an absent field is NULL unless it declares a default; required is not
   * enforced. Redpanda's enum and bytes branches check presence only, so their declared defaults are not used.
   */
  @Test
  void proto2PresenceAndDefaults() {
    ProtobufMessage message = ProtobufSchema.parse(PROTO2).firstMessage();
    Map<String, Object> row = message.translate(encode(message,
        "{\"required_string\": \"required_str\", \"required_int\": 123}"));

    assertThat(row).containsExactly(entry("required_string", "required_str"), entry("string_with_default", "redpanda"),
        entry("optional_int", null), entry("required_int", 123), entry("optional_nested", null),
        entry("map", Map.of()), entry("list", List.of()), entry("oneof_uint32", null), entry("oneof_string", null),
        entry("oneof_bytes", null), entry("oneof_bool", null), entry("ratio", 0.5), entry("color", null),
        entry("plain_color", null), entry("blob", null), entry("big", "18446744073709551615"));
    assertThat(message.translate(new byte[0])).containsEntry("required_string", null)
        .containsEntry("required_int", null);
  }

  /** values_protobuf.cc convert: a proto3 optional field has presence, so it is NULL when absent. */
  @Test
  void proto3OptionalIsNullWhenAbsentAndItsValueWhenSet() {
    ProtobufMessage shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes");

    assertThat(shapes.translate(encode(shapes, "{\"maybe\": 0}"))).containsEntry("maybe", 0);
    assertThat(shapes.translate(encode(shapes, "{}"))).containsEntry("maybe", null);
  }

  /** TestMessageWithOneOfField; parser.cc set_field: the last member on the wire wins and clears the others. */
  @Test
  void oneofMembersAreNullButTheOneSetAndTheLastOnTheWireWins() {
    ProtobufMessage shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes");

    assertThat(shapes.translate(encode(shapes, "{\"oneof_string\": \"s\"}"))).containsEntry("oneof_uint32", null)
        .containsEntry("oneof_string", "s").containsEntry("oneof_bytes", null).containsEntry("oneof_bool", null);
    byte[] both = concat(encode(shapes, "{\"oneof_string\": \"first\"}"), encode(shapes, "{\"oneof_bool\": true}"));
    assertThat(shapes.translate(both)).containsEntry("oneof_string", null).containsEntry("oneof_bool", true);
  }

  /** TestComplexValueConversion, TestMapConversions: structs, lists of structs, maps. */
  @Test
  void messagesListsAndMaps() {
    ProtobufMessage shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes");
    Map<String, Object> row = shapes.translate(encode(shapes, """
        {"inner": {"x": 1, "y": "one"}, "inners": [{"x": 2}, {"y": "three"}], "ints": [1, 2, 3],
         "counts": {"0": 1, "1": 0, "2": 1}, "named": {"a": {"x": 4}}, "states": ["DISABLED", "ACTIVE"]}"""));

    assertThat(row.get("inner")).isEqualTo(Map.of("x", 1, "y", "one"));
    assertThat(row.get("inners")).isEqualTo(List.of(Map.of("x", 2, "y", ""), Map.of("x", 0, "y", "three")));
    assertThat(row.get("ints")).isEqualTo(List.of(1, 2, 3));
    assertThat(row.get("counts")).isEqualTo(Map.of(0, 1, 1, 0, 2, 1));
    assertThat(row.get("named")).isEqualTo(Map.of("a", Map.of("x", 4, "y", "")));
    assertThat(row.get("states")).isEqualTo(List.of("DISABLED", "ACTIVE"));
  }

  /** Packed (proto3's default) and unpacked repeated scalars read alike (parser.cc read_packed_elements). */
  @Test
  void packedAndUnpackedRepeatedScalarsReadAlike() {
    ProtobufMessage shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes");
    byte[] unpacked = write(out -> {
      out.writeInt32(3, 7);
      out.writeInt32(3, -1);
    });

    assertThat(shapes.translate(unpacked).get("ints")).isEqualTo(List.of(7, -1));
    assertThat(shapes.translate(concat(unpacked, encode(shapes, "{\"ints\": [8, 9]}"))).get("ints"))
        .isEqualTo(List.of(7, -1, 8, 9));
  }

  /** TestSettingEmtpyNestedMessage and TestSettingDeeplyNestedMessages: a set, empty message is not NULL. */
  @Test
  void anEmptyNestedMessageIsAStructOfItsDefaults() {
    ProtobufMessage top = ProtobufSchema.parse(PROTO3).message("t.TopLevel");

    assertThat(top.translate(encode(top, "{\"nested_level_one\": {}}")))
        .isEqualTo(Map.of("nested_level_one", mapOf("nested_level_two", null)));
    ProtobufMessage shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes");
    assertThat(shapes.translate(encode(shapes, "{\"inner\": {}}")).get("inner")).isEqualTo(Map.of("x", 0, "y", ""));
  }

  /** parser.cc set_field: a singular message seen twice keeps the last one whole; protobuf would merge them. */
  @Test
  void aMessageSeenTwiceKeepsTheLastWithoutMerging() throws InvalidProtocolBufferException {
    ProtobufMessage shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes");
    byte[] twice = concat(encode(shapes, "{\"inner\": {\"x\": 1}}"), encode(shapes, "{\"inner\": {\"y\": \"b\"}}"));

    assertThat(shapes.translate(twice).get("inner")).isEqualTo(Map.of("x", 0, "y", "b"));
    assertThat(DynamicMessage.parseFrom(shapes.descriptor(), twice).toString()).contains("x: 1").contains("y: \"b\"");
  }

  /** parser.cc convert_to_map_and_update: emplace keeps a key's first value. */
  @Test
  void aMapKeySeenTwiceKeepsItsFirstValue() {
    ProtobufMessage shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes");
    byte[] twice = concat(encode(shapes, "{\"counts\": {\"5\": 1}}"), encode(shapes, "{\"counts\": {\"5\": 2}}"));

    assertThat(shapes.translate(twice).get("counts")).isEqualTo(Map.of(5, 1));
  }

  /**
   * convert_map: an entry without its value has a NULL value; without its key, the key's default in proto3, but
   * in proto2 the key has presence and the record cannot be translated ("Map key must exist").
   */
  @Test
  void mapEntriesWithoutKeyOrValue() {
    ProtobufMessage shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes");
    byte[] keyOnly = write(out -> out.writeByteArray(4, write(entry -> entry.writeInt32(1, 7))));
    byte[] valueOnly = write(out -> out.writeByteArray(4, write(entry -> entry.writeInt32(2, 9))));

    assertThat(shapes.translate(keyOnly).get("counts")).isEqualTo(mapOf(7, null));
    assertThat(shapes.translate(valueOnly).get("counts")).isEqualTo(Map.of(0, 9));
    ProtobufMessage proto2 = ProtobufSchema.parse(PROTO2).firstMessage();
    assertThatThrownBy(() -> proto2.translate(write(out -> out.writeByteArray(6, write(e -> e.writeInt64(2, 9))))))
        .isInstanceOf(UntranslatableRecordException.class).hasMessageContaining("Map key must exist");
  }

  /** TestInvalidEnumValue: a number the enum does not define gives the default value's name. */
  @Test
  void anUnknownEnumNumberIsTheDefaultValuesName() {
    ProtobufMessage numbers = ProtobufSchema.parse(PROTO3).message("t.Numbers");
    assertThat(numbers.translate(write(out -> out.writeEnum(16, 99))).get("p")).isEqualTo("ACTIVE");
    ProtobufMessage shapes = ProtobufSchema.parse(PROTO3).message("t.Shapes");
    assertThat(shapes.translate(write(out -> {
      out.writeEnum(11, 1);
      out.writeEnum(11, 99);
    })).get("states")).isEqualTo(List.of("DISABLED", "ACTIVE"));

    ProtobufMessage proto2 = ProtobufSchema.parse(PROTO2).firstMessage();
    Map<String, Object> row = proto2.translate(write(out -> {
      out.writeEnum(21, 99);
      out.writeEnum(22, 99);
    }));
    assertThat(row).containsEntry("color", "GREEN").containsEntry("plain_color", "RED");
  }

  /** TestTimestamp: seconds and nanoseconds to microseconds, the nanoseconds below a microsecond dropped. */
  @Test
  void timestampsAreUtcMicroseconds() {
    ProtobufMessage message = ProtobufSchema.parse("""
        syntax = "proto3";
        import "google/protobuf/timestamp.proto";
        message StructWithTimestamp { google.protobuf.Timestamp timestamp = 1; }
        """).firstMessage();

    Object at = message.translate(encode(message, "{\"timestamp\": \"2025-04-01T20:40:27.001635902Z\"}"))
        .get("timestamp");
    assertThat(at).isEqualTo(OffsetDateTime.of(2025, 4, 1, 20, 40, 27, 1_635_000, ZoneOffset.UTC));
    assertThat(((OffsetDateTime) at).toEpochSecond()).isEqualTo(1743540027L);
    assertThat(message.translate(encode(message, "{\"timestamp\": \"1969-12-31T23:59:59.999999999Z\"}"))
        .get("timestamp")).isEqualTo(OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC));
    assertThat(message.translate(encode(message, "{\"timestamp\": \"1970-01-01T00:00:00Z\"}")).get("timestamp"))
        .isEqualTo(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(message.translate(new byte[0]).get("timestamp")).isNull();
  }

  /** TestDate: days since the epoch. convert_date: a Date without its field cannot be translated. */
  @Test
  void redpandaDatesAreDays() {
    ProtobufMessage message = ProtobufSchema.parse("""
        syntax = "proto3";
        import "redpanda/datalake/date.proto";
        message StructWithDate { redpanda.datalake.Date date = 1; }
        """, Map.of("redpanda/datalake/date.proto", """
        syntax = "proto3";
        package redpanda.datalake;
        message Date { int32 date = 1; }
        """)).firstMessage();

    assertThat(message.translate(encode(message, "{\"date\": {\"date\": -19754}}")).get("date"))
        .isEqualTo(LocalDate.ofEpochDay(-19754));
    assertThat(message.translate(new byte[0]).get("date")).isNull();
    // A proto3 encoder leaves out date = 0, so 1970-01-01 arrives as an empty Date, which Redpanda refuses.
    assertThatThrownBy(() -> message.translate(encode(message, "{\"date\": {\"date\": 0}}")))
        .isInstanceOf(UntranslatableRecordException.class).hasMessageContaining("Date message missing 'date' field");
    assertThat(message.translate(write(out -> out.writeByteArray(1, write(d -> d.writeInt32(1, 0))))).get("date"))
        .isEqualTo(LocalDate.EPOCH);
  }

  /** TestStruct, TestStructWithEmptyStructAndArray, TestValue, TestListValue, TestEmptyStruct. */
  @Test
  void structValueAndListValueAreJsonText() throws IOException {
    ProtobufMessage message = ProtobufSchema.parse("""
        syntax = "proto3";
        import "google/protobuf/struct.proto";
        message M {
          google.protobuf.Struct struct_field = 1;
          google.protobuf.Value value_field = 2;
          google.protobuf.ListValue list_value_field = 3;
        }
        """).firstMessage();
    String struct = """
        {"string": "test_string", "number": 12.04, "bool": true, "null": null,
         "nested": {"name": "nested", "items": ["array_string", 42.5, {"name": "taco", "value": 99.9},
           ["nested1", "nested2"]]},
         "empty_struct": {}, "empty_array": []}""";
    Map<String, Object> row = message.translate(encode(message,
        "{\"struct_field\": " + struct + ", \"value_field\": \"test\", \"list_value_field\": [\"first\", 2]}"));

    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree((String) row.get("struct_field"))).isEqualTo(json.readTree(struct));
    assertThat(row.get("value_field")).isEqualTo("\"test\"");
    assertThat(row.get("list_value_field")).isEqualTo("[\"first\",2]");
    assertThat(message.translate(new byte[0])).containsExactly(entry("struct_field", null), entry("value_field", null),
        entry("list_value_field", null));
  }

  /** serialize_protobuf_value_to_json: a Value with no kind set is null. */
  @Test
  void aValueWithoutAKindIsNull() {
    ProtobufMessage message = ProtobufSchema.parse("""
        syntax = "proto3";
        import "google/protobuf/struct.proto";
        message M { google.protobuf.Value value_field = 1; }
        """).firstMessage();

    assertThat(message.translate(write(out -> out.writeByteArray(1, new byte[0]))).get("value_field"))
        .isEqualTo("null");
  }

  /** TestValueWithNaN, TestValueWithInfinity: "NaN and Infinity are not supported in JSON". */
  @Test
  void nanAndInfinityInAStructCannotBeTranslated() {
    ProtobufMessage message = ProtobufSchema.parse("""
        syntax = "proto3";
        import "google/protobuf/struct.proto";
        message StructWithStruct { google.protobuf.Struct struct_field = 1; }
        """).firstMessage();

    for (String number : List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"")) {
      byte[] payload = write(out -> out.writeByteArray(1, structEntry("x", write(v -> v.writeDouble(2,
          Double.parseDouble(number.replace("\"", "")))))));
      assertThatThrownBy(() -> message.translate(payload)).as(number)
          .isInstanceOf(UntranslatableRecordException.class)
          .hasMessageContaining("NaN and Infinity are not supported in JSON");
    }
  }

  /**
   * TestStructDepthLimit. The depth starts at the depth of the message holding the field (1 at the top) and grows by
   * one for every Struct, Value and ListValue, so a Struct field of the top message holds 49 Structs nested inside
   * it, not 100: the 50th is one too many.
   */
  @Test
  void structsNestedTooDeeplyCannotBeTranslated() {
    ProtobufMessage message = ProtobufSchema.parse("""
        syntax = "proto3";
        import "google/protobuf/struct.proto";
        message StructWithStruct { google.protobuf.Struct struct_field = 1; }
        """).firstMessage();

    assertThat(message.translate(encode(message, "{\"struct_field\": " + nestedStructs(49) + "}")).get("struct_field"))
        .asString().startsWith("{\"nested_0\":{\"nested_1\":{");
    assertThatThrownBy(() -> message.translate(encode(message, "{\"struct_field\": " + nestedStructs(50) + "}")))
        .isInstanceOf(UntranslatableRecordException.class)
        .hasMessageContaining("Maximum recursion depth 100 exceeded");
  }

  /** Unknown fields are skipped (parser.cc: no descriptor, skip by wire type). */
  @Test
  void unknownFieldsAreSkipped() {
    ProtobufMessage inner = ProtobufSchema.parse(PROTO3).message("t.Inner");
    byte[] payload = write(out -> {
      out.writeInt64(99, 5);
      out.writeFixed64(98, 5);
      out.writeFixed32(97, 5);
      out.writeString(96, "skip");
      out.writeInt32(1, 42);
    });

    assertThat(inner.translate(payload)).isEqualTo(Map.of("x", 42, "y", ""));
  }

  /** What Redpanda's parser cannot read sends the record to the dead-letter table. */
  @Test
  void unreadableBytesCannotBeTranslated() {
    ProtobufMessage inner = ProtobufSchema.parse(PROTO3).message("t.Inner");
    Map<String, byte[]> cases = Map.of(
        "legacy proto2 groups not supported", write(out -> out.writeGroup(50, DynamicMessage.getDefaultInstance(
            inner.descriptor()))),
        "invalid length field", new byte[] {0x12, 0x05, 'a'},
        "invalid field number: 0", new byte[] {0x00, 0x01},
        "invalid wire type: 7", new byte[] {0x0f},
        "invalid fixed64 type: string", write(out -> out.writeFixed64(2, 1)),
        "not enough bytes", new byte[] {0x1d, 0x01});

    cases.forEach((reason, payload) -> assertThatThrownBy(() -> inner.translate(payload)).as(reason)
        .isInstanceOf(UntranslatableRecordException.class).hasMessageContaining(reason));
  }

  /**
   * parser.cc read_varint_field leaves a varint on a string, bytes, fixed or message field unread, so its bytes are
   * read as the next tag; here the value 5 is then tag 5: field 0, which is invalid.
   */
  @Test
  void aVarintOnAStringFieldIsNotConsumed() {
    ProtobufMessage inner = ProtobufSchema.parse(PROTO3).message("t.Inner");

    assertThatThrownBy(() -> inner.translate(new byte[] {0x10, 0x05})).isInstanceOf(UntranslatableRecordException.class)
        .hasMessageContaining("invalid field number: 0");
  }

  /** parser.cc read_packed_elements: packed values for a singular field are read and dropped. */
  @Test
  void packedValuesForASingularFieldAreDropped() {
    ProtobufMessage inner = ProtobufSchema.parse(PROTO3).message("t.Inner");

    assertThat(inner.translate(new byte[] {0x0a, 0x02, 0x01, 0x02})).isEqualTo(Map.of("x", 0, "y", ""));
  }

  /** Strings are not checked for UTF-8 (Redpanda copies the bytes); Java sees the replacement character. */
  @Test
  void invalidUtf8InAStringIsNotRefused() {
    ProtobufMessage inner = ProtobufSchema.parse(PROTO3).message("t.Inner");

    assertThat(inner.translate(write(out -> out.writeByteArray(2, new byte[] {'a', (byte) 0xff}))).get("y"))
        .isEqualTo("a\ufffd");
  }

  @Test
  void aNestedMessageNamedByIndexesTranslatesItsOwnFields() {
    ProtobufMessage nested = ProtobufSchema.parse(PROTO3).message(List.of(3, 0, 0));

    assertThat(nested.fullName()).isEqualTo("t.TopLevel.NestedLevelOne.NestedLevelTwo");
    assertThat(nested.translate(encode(nested, "{\"field\": \"f\"}"))).isEqualTo(Map.of("field", "f"));
  }

  private static String nestedStructs(int levels) {
    String json = "{}";
    for (int i = levels - 1; i >= 0; i--) {
      json = "{\"nested_" + i + "\": " + json + "}";
    }
    return json;
  }

  /** A Struct of one entry, key to a Value given as its bytes. */
  private static byte[] structEntry(String key, byte[] value) {
    return write(out -> out.writeByteArray(1, write(entry -> {
      entry.writeString(1, key);
      entry.writeByteArray(2, value);
    })));
  }

  /** The message protobuf-java encodes from its JSON form. */
  static byte[] encode(ProtobufMessage message, String json) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(message.descriptor());
    try {
      JsonFormat.parser().merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
    return builder.buildPartial().toByteArray();
  }

  interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  static byte[] write(Writer writer) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      writer.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static Map<Object, Object> mapOf(Object key, Object value) {
    Map<Object, Object> map = new HashMap<>();
    map.put(key, value);
    return map;
  }
}
