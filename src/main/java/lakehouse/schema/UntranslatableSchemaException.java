package lakehouse.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A JSON Schema Redpanda would register but not translate: every record would go to the dead-letter table. */
public final class UntranslatableSchemaException extends IllegalArgumentException {
  private final List<SchemaRules.Violation> violations;

  UntranslatableSchemaException(String topic, List<SchemaRules.Violation> violations) {
    super("the JSON Schema of Iceberg topic " + topic + " breaks Redpanda's schema rules, so Redpanda would send every"
        + " record to " + IcebergTypes.deadLetterTable(topic) + "; nothing was registered or created. Fix "
        + violations.stream().map(SchemaRules.Violation::toString).collect(Collectors.joining("; "))
        + " (docs/redpanda-contract.md §1)");
    this.violations = List.copyOf(violations);
  }

  public List<SchemaRules.Violation> violations() {
    return violations;
  }
}
