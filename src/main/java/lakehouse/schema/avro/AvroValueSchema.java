package lakehouse.schema.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lakehouse.schema.SchemaRules;
import lakehouse.schema.UntranslatableRecordException;
import lakehouse.schema.ValueFormat;
import lakehouse.schema.ValueSchema;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.iceberg.types.Types;

/**
 * An Avro schema for an Iceberg topic's values, with Redpanda 25.3's rules for it
 * ({@code iceberg/conversion/schema_avro.cc}, {@code values_avro.cc}, {@code avro_utils.cc},
 * {@code serde/avro/parser.cc}).
 *
 * <p>Columns: boolean, int, long, float, double and string as they are; bytes → binary; fixed(n) → fixed[n];
 * enum → string (the symbol); record → struct; array → list; map → map with string keys; decimal (on bytes or
 * fixed) → decimal(p, s); uuid (on string) → uuid; date → date; time-millis and time-micros → time;
 * timestamp-millis and timestamp-micros → timestamptz. Other logical types are their base type (duration a
 * fixed[12]; local-timestamp-* and timestamp-nanos a long; uuid on fixed a fixed). A union of null and one type is
 * that type; any other union a struct of its non-null branches ({@link AvroNode#unionBranchLabel()}). A record
 * field of type null is left out. Columns keep Avro's field order and are all optional, map keys excepted. A
 * schema that is not a record is one column, named after the type's full name if it has one (enum, fixed), else
 * {@code root}.
 *
 * <p>Values are decoded with exactly this schema, as Redpanda decodes them with exactly the registered one.
 */
public final class AvroValueSchema implements ValueSchema {
  /** The one column of a schema that is neither a record nor a named type (schema_avro.cc type_to_iceberg). */
  public static final String ROOT_COLUMN = "root";

  private final String text;
  private final Schema schema;
  private final AvroNode root;
  private final String rootColumn;
  private final AvroTypeConversion.Result conversion;

  private AvroValueSchema(String text, Schema schema) {
    this.text = text;
    this.schema = schema;
    this.root = AvroNode.tree(schema);
    this.rootColumn = switch (schema.getType()) {
      case RECORD -> null;
      case ENUM, FIXED -> schema.getFullName();
      default -> ROOT_COLUMN;
    };
    this.conversion = AvroTypeConversion.convert(root, rootColumn);
  }

  /** Parses the schema with Avro's parser; one that does not parse is refused naming the problem. */
  public static AvroValueSchema parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an Avro schema is JSON text, and this one is empty");
    }
    try {
      return new AvroValueSchema(text, new Schema.Parser().parse(text));
    } catch (AvroRuntimeException e) {
      throw new IllegalArgumentException("the Avro schema does not parse: " + e.getMessage(), e);
    }
  }

  @Override
  public ValueFormat format() {
    return ValueFormat.AVRO;
  }

  @Override
  public String text() {
    return text;
  }

  /** The schema as Avro parsed it, for writing values with Avro's own writers. */
  public Schema avroSchema() {
    return schema;
  }

  /**
   * Why Redpanda cannot translate this schema. With {@code recursive-type}, {@code depth}, {@code array-of-null},
   * {@code map-of-null} or {@code null-root} it derives no columns and dead-letters every record; with
   * {@code value-depth} every record fails to decode; with {@code decimal-size} every value in that column fails;
   * with {@code decimal-precision} or {@code duplicate-field} it derives columns the catalog cannot take. The pointer
   * is the path of the Iceberg column concerned: fields and union branches by name, {@code element} and
   * {@code value} for a list's element and a map's value, the empty path for the root.
   */
  @Override
  public List<SchemaRules.Violation> violations() {
    return conversion.violations();
  }

  @Override
  public Types.StructType valueType() {
    if (conversion.type() == null) {
      throw new IllegalStateException("Redpanda derives no columns from this Avro schema, it breaks its rules: "
          + conversion.violations().stream().map(SchemaRules.Violation::toString).collect(Collectors.joining("; ")));
    }
    return conversion.type();
  }

  /** Refuses every record where Redpanda derives no columns: it dead-letters them without decoding. */
  @Override
  public Map<String, Object> translate(byte[] payload) {
    List<SchemaRules.Violation> refusals = conversion.violations().stream()
        .filter(violation -> AvroTypeConversion.CONVERSION_FAILURES.contains(violation.rule())).toList();
    if (!refusals.isEmpty()) {
      throw new UntranslatableRecordException("Redpanda cannot translate the value's Avro schema (\"Avro schema"
          + " translation failed\", datalake/record_schema_resolver.cc), so every record goes to the dead-letter"
          + " table: " + refusals.stream().map(SchemaRules.Violation::toString).collect(Collectors.joining("; ")));
    }
    return AvroValueDecoder.row(root, rootColumn, payload);
  }

  /**
   * The value as an Avro producer writes it, read from Avro's JSON encoding (unions as {@code {"type": value}},
   * bytes and fixed as ISO-8859-1 strings), in the binary encoding with this schema, in one block per array and map
   * as Avro's own writer writes it.
   */
  @Override
  public byte[] encode(String valueText) {
    Schema schema = avroSchema();
    try {
      Object datum = new GenericDatumReader<Object>(schema, schema)
          .read(null, DecoderFactory.get().jsonDecoder(schema, valueText));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new GenericDatumWriter<Object>(schema).write(datum, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | AvroRuntimeException e) {
      throw new IllegalArgumentException("not a value of this Avro schema in Avro's JSON encoding: " + valueText + " ("
          + e.getMessage() + ")", e);
    }
  }
}
