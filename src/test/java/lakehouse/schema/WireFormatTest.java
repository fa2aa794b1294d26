package lakehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire format as Redpanda reads it (datalake/schema_registry.cc; record_schema_resolver_test.cc). */
class WireFormatTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void theHeaderIsMagicZeroThenABigEndianId() {
    byte[] value = WireFormat.encode(258, new byte[] {42});

    assertThat(HEX.formatHex(value)).isEqualTo("00000001022a");
    WireFormat.Header header = WireFormat.header(value);
    assertThat(header.schemaId()).isEqualTo(258);
    assertThat(header.payload(value)).containsExactly(42);
  }

  @Test
  void aShortValueOrOneWithoutTheMagicByteIsADeadLetter() {
    // TestMissingMagic; get_value_schema_id: not_enough_bytes and no_schema_id
    assertThatThrownBy(() -> WireFormat.header(HEX.parseHex("00000001")))
        .isInstanceOf(UntranslatableRecordException.class).hasMessageContaining("not_enough_bytes");
    assertThatThrownBy(() -> WireFormat.header(HEX.parseHex("0100000001")))
        .isInstanceOf(UntranslatableRecordException.class).hasMessageContaining("no_schema_id");
  }

  @Test
  void protobufIndexesAreZigzagVarintsAndAnEmptyListMeansTheFirstMessage() {
    // TestProtobufSchemaHappyPathNoOffsets: the single count byte 0 means [0]
    byte[] first = WireFormat.encodeProtobuf(7, List.of(0), new byte[] {8, 1});
    assertThat(HEX.formatHex(first)).isEqualTo("00000000070008" + "01");
    assertThat(WireFormat.protobufHeader(first).messageIndexes()).containsExactly(0);

    byte[] nested = WireFormat.encodeProtobuf(7, List.of(2, 0), new byte[] {8, 1});
    // count 2 → zigzag 4, index 2 → 4, index 0 → 0
    assertThat(HEX.formatHex(nested)).isEqualTo("0000000007" + "040400" + "0801");
    WireFormat.Header header = WireFormat.protobufHeader(nested);
    assertThat(header.messageIndexes()).containsExactly(2, 0);
    assertThat(header.payload(nested)).containsExactly(8, 1);
  }

  @Test
  void aValueThatEndsInsideTheIndexesIsADeadLetter() {
    assertThatThrownBy(() -> WireFormat.protobufHeader(HEX.parseHex("000000000704")))
        .isInstanceOf(UntranslatableRecordException.class).hasMessageContaining("bad message indexes");
  }

  @Test
  void theFormatDecidesWhetherMessageIndexesFollowTheId() {
    byte[] payload = {8, 1};

    assertThat(WireFormat.encode(ValueFormat.PROTOBUF, 7, List.of(2, 0), payload))
        .isEqualTo(WireFormat.encodeProtobuf(7, List.of(2, 0), payload));
    assertThat(WireFormat.encode(ValueFormat.AVRO, 7, List.of(2, 0), payload)).isEqualTo(WireFormat.encode(7, payload));
    assertThat(WireFormat.encode(ValueFormat.JSON, 7, List.of(0), payload)).isEqualTo(WireFormat.encode(7, payload));
  }
}
