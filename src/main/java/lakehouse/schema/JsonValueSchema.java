package lakehouse.schema;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.types.Types;

/** A JSON Schema as one of Redpanda's value formats: its rules ({@link SchemaRules}) and translation. */
public final class JsonValueSchema implements ValueSchema {
  private final JsonSchema schema;
  private final RecordTranslation translation;

  public JsonValueSchema(JsonSchema schema) {
    this.schema = schema;
    this.translation = new RecordTranslation(schema);
  }

  public JsonSchema jsonSchema() {
    return schema;
  }

  @Override
  public ValueFormat format() {
    return ValueFormat.JSON;
  }

  @Override
  public String text() {
    return schema.text();
  }

  @Override
  public List<SchemaRules.Violation> violations() {
    return SchemaRules.violations(schema.root());
  }

  /** With Redpanda's own field named {@code redpanda}: {@link IcebergTypes} moves it. */
  @Override
  public Types.StructType valueType() {
    return IcebergTypes.valueType(schema);
  }

  @Override
  public Map<String, Object> translate(byte[] payload) {
    return translation.translate(payload);
  }
}
