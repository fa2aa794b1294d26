package lakehouse.schema;

/** The schema formats of Redpanda's Schema Registry that Iceberg topics translate, named as its {@code schemaType}. */
public enum ValueFormat {
  JSON("JSON"),
  AVRO("AVRO"),
  PROTOBUF("PROTOBUF");

  private final String schemaType;

  ValueFormat(String schemaType) {
    this.schemaType = schemaType;
  }

  /** The Schema Registry's {@code schemaType}; a registration without one is Avro. */
  public String schemaType() {
    return schemaType;
  }

  /** {@code json}, {@code avro} or {@code protobuf}, as settings and conformance cases write it. */
  public String settingValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static ValueFormat fromSetting(String value) {
    for (ValueFormat format : values()) {
      if (format.settingValue().equals(value)) {
        return format;
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not a schema format: use json, avro or protobuf");
  }
}
