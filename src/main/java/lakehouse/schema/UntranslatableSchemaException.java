package lakehouse.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A schema Redpanda would register but not translate: every record would go to the dead-letter table. */
public final class UntranslatableSchemaException extends IllegalArgumentException {
  private final List<SchemaRules.Violation> violations;

  UntranslatableSchemaException(String topic, List<SchemaRules.Violation> violations) {
    this(topic, ValueFormat.JSON, violations);
  }

  public UntranslatableSchemaException(String topic, ValueFormat format, List<SchemaRules.Violation> violations) {
    super("the " + switch (format) {
          case JSON -> "JSON Schema";
          case AVRO -> "Avro schema";
          case PROTOBUF -> "Protobuf schema";
        } + " of Iceberg topic " + topic + " breaks Redpanda's schema rules, so Redpanda would send every"
        + " record to " + IcebergTypes.deadLetterTable(topic) + "; nothing was registered or created. Fix "
        + violations.stream().map(SchemaRules.Violation::toString).collect(Collectors.joining("; "))
        + " (docs/redpanda-contract.md " + switch (format) {
          case JSON -> "§1";
          case AVRO -> "§13";
          case PROTOBUF -> "§14";
        } + ")");
    this.violations = List.copyOf(violations);
  }

  public List<SchemaRules.Violation> violations() {
    return violations;
  }
}
