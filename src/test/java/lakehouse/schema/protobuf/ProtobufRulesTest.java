package lakehouse.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import lakehouse.schema.SchemaRules.Violation;
import lakehouse.schema.UntranslatableRecordException;
import org.junit.jupiter.api.Test;

/** Which messages Redpanda refuses (iceberg/conversion/schema_protobuf.cc, protobuf_utils.cc), by rule and path. */
class ProtobufRulesTest {

  /** TestInvalidSchema, RecursiveMessage: a message holding itself ("recursive type detected"). */
  @Test
  void aMessageHoldingItselfIsRefused() {
    List<Violation> violations = violations("""
        syntax = "proto3";
        message RecursiveMessage {
          int32 field = 1;
          RecursiveMessage recursive = 2;
        }
        """);

    assertThat(violations).extracting(Violation::rule, Violation::pointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("recursive-message", "recursive"));
    assertThat(violations.get(0).detail()).contains("recursive type detected, type hierarchy: RecursiveMessage");
  }

  /** TestInvalidSchema, RecursiveMessageNested: through a nested type and a repeated field. */
  @Test
  void aMessageHoldingItselfThroughAnotherIsRefused() {
    assertThat(rulesAndPaths("""
        syntax = "proto3";
        message RecursiveMessageNested {
          message Nested {
            repeated RecursiveMessageNested foo = 1;
          }
          int32 field = 1;
          Nested corecursive = 2;
        }
        """)).containsExactly("recursive-message corecursive.foo");
  }

  @Test
  void aMessageHoldingItselfAsAMapValueIsRefused() {
    assertThat(rulesAndPaths("""
        syntax = "proto3";
        message Node { map<string, Node> children = 1; }
        """)).containsExactly("recursive-message children.value");
  }

  /** is_recursive_type looks at the path only: the same type twice side by side is not recursion. */
  @Test
  void theSameTypeInTwoFieldsIsNotRecursion() {
    assertThat(violations("""
        syntax = "proto3";
        message Line { Point from = 1; Point to = 2; repeated Point via = 3; map<string, Point> named = 4; }
        message Point { int32 x = 1; }
        """)).isEmpty();
  }

  /**
   * struct_from_protobuf refuses a message when the stack above it is deeper than max_recursion_depth (100): the top
   * message and 100 levels below it are translated, a 101st level is not.
   */
  @Test
  void moreThanOneHundredLevelsBelowTheTopMessageAreRefused() {
    assertThat(violations(chain(ProtobufRules.MAX_DEPTH))).isEmpty();

    List<Violation> tooDeep = violations(chain(ProtobufRules.MAX_DEPTH + 1));
    assertThat(tooDeep).extracting(Violation::rule).containsExactly("depth");
    assertThat(tooDeep.get(0).pointer()).hasSize("next.".length() * (ProtobufRules.MAX_DEPTH + 1) - 1);
    assertThat(tooDeep.get(0).detail()).contains("L101 not supported - max nested depth of 100 exceeded");
  }

  /** Messages that become one column (Timestamp, Struct, Date) are not descended into and add no depth. */
  @Test
  void specialMessagesAreNotStructs() {
    assertThat(violations("""
        syntax = "proto3";
        import "google/protobuf/struct.proto";
        message M { google.protobuf.Struct s = 1; google.protobuf.Value v = 2; google.protobuf.ListValue l = 3; }
        """)).isEmpty();
  }

  /** from_protobuf: TYPE_GROUP is "not supported", repeated or not. */
  @Test
  void groupsAreRefused() {
    assertThat(rulesAndPaths("""
        syntax = "proto2";
        message M {
          optional group Single = 1 { optional int32 a = 2; }
          repeated group Many = 3 { optional int32 b = 4; }
          optional int32 fine = 5;
        }
        """)).containsExactly("group single", "group many");
  }

  /**
   * UnhandledRPType: any redpanda.datalake.* type other than Date is refused, so that Redpanda can give the namespace
   * meaning later; Date is a date.
   */
  @Test
  void redpandaDatalakeTypesOtherThanDateAreRefused() {
    Map<String, String> imports = Map.of("rp.proto", """
        syntax = "proto3";
        package redpanda.datalake;
        message Date { int32 date = 1; }
        message Foo { int32 bar = 1; }
        """);
    ProtobufMessage message = ProtobufSchema.parse("""
        syntax = "proto3";
        import "rp.proto";
        message StructWithUnsupportedRPType {
          redpanda.datalake.Foo foo = 1;
          redpanda.datalake.Date date = 2;
        }
        """, imports).firstMessage();

    assertThat(message.violations()).extracting(Violation::rule, Violation::pointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("redpanda-datalake-type", "foo"));
    assertThat(message.violations().get(0).detail()).contains(
        "Protocol buffer field .redpanda.datalake.Foo foo = 1; not supported - unhandled redpanda.datalake type"
            + " redpanda.datalake.Foo");
  }

  @Test
  void everyBrokenRuleIsListedNotOnlyTheFirst() {
    assertThat(rulesAndPaths("""
        syntax = "proto2";
        message M {
          optional M self = 1;
          optional group G = 2 { optional int32 a = 3; }
          optional Inner inner = 4;
          message Inner { optional M back = 1; }
        }
        """)).containsExactly("recursive-message self", "group g", "recursive-message inner.back");
  }

  /** type_to_iceberg fails, so the resolver reports translation_error and every record goes to the DLQ. */
  @Test
  void aRefusedMessageHasNoColumnsAndTranslatesNoRecord() {
    ProtobufMessage message = ProtobufSchema.parse("syntax = \"proto3\";\nmessage R { R r = 1; }\n").firstMessage();

    assertThatThrownBy(message::valueType).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule 'recursive-message' at r");
    assertThatThrownBy(() -> message.translate(new byte[0])).isInstanceOf(UntranslatableRecordException.class)
        .hasMessageContaining("dead-letter");
  }

  /** L0 holds L1 in field next, ..., down to L{levels}. */
  private static String chain(int levels) {
    StringBuilder text = new StringBuilder("syntax = \"proto3\";\n");
    for (int i = 0; i < levels; i++) {
      text.append("message L").append(i).append(" { L").append(i + 1).append(" next = 1; }\n");
    }
    return text.append("message L").append(levels).append(" { int32 leaf = 1; }\n").toString();
  }

  private static List<String> rulesAndPaths(String proto) {
    return violations(proto).stream().map(v -> v.rule() + " " + v.pointer()).toList();
  }

  private static List<Violation> violations(String proto) {
    return ProtobufSchema.parse(proto).firstMessage().violations();
  }
}
