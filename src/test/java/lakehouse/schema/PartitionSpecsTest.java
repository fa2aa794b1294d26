package lakehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.junit.jupiter.api.Test;

/** Redpanda's partition spec syntax (partition_spec_parser.cc, PartitionSpecParserTest). */
class PartitionSpecsTest {
  private final Schema trades = IcebergTypes.tableSchema(JsonSchema.fromResource("schemas/trades.schema.json"));

  @Test
  void theDefaultIsHourOfTheRecordTimestamp() {
    PartitionSpec spec = PartitionSpecs.parse(PartitionSpecs.DEFAULT, trades);

    assertThat(spec.fields()).singleElement().satisfies(field -> {
      assertThat(field.transform().toString()).isEqualTo("hour");
      assertThat(trades.findColumnName(field.sourceId())).isEqualTo("redpanda.timestamp");
      assertThat(field.name()).isEqualTo("redpanda_timestamp_hour");
    });
  }

  @Test
  void everyTransformCaseInsensitiveWithAliasesBackquotesAndFreeSpacing() {
    PartitionSpec spec = PartitionSpecs.parse(
        " ( symbol , DAY( ts_event ) AS event_day,bucket(16, trade_id), truncate(4, `side`), void(notes) ) ", trades);

    assertThat(spec.fields()).extracting(f -> f.transform().toString())
        .containsExactly("identity", "day", "bucket[16]", "truncate[4]", "void");
    assertThat(spec.fields().get(1).name()).isEqualTo("event_day");
  }

  @Test
  void nothingOrEmptyParenthesesIsUnpartitioned() {
    assertThat(PartitionSpecs.parse("()", trades).isUnpartitioned()).isTrue();
    assertThat(PartitionSpecs.parse("", trades).isUnpartitioned()).isTrue();
    assertThat(PartitionSpecs.parse("symbol", trades).fields()).hasSize(1);
  }

  @Test
  void aSyntaxErrorNamesTheColumnOfTheTextAndAnUnknownColumnIsRefused() {
    assertThatThrownBy(() -> PartitionSpecs.parse("(hour(redpanda.timestamp)", trades))
        .hasMessageContaining("not one Redpanda accepts").hasMessageContaining("expected ')'");
    assertThatThrownBy(() -> PartitionSpecs.parse("(week(ts_event))", trades)).hasMessageContaining("col 1");
    assertThatThrownBy(() -> PartitionSpecs.parse("(hour(no_such_column))", trades))
        .hasMessageContaining("does not fit the table");
  }
}
