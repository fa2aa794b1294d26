package lakehouse.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

/**
 * Redpanda's partition spec syntax, as in the topic property {@code redpanda.iceberg.partition.spec}
 * and the cluster default {@code iceberg_default_partition_spec} ({@code partition_spec_parser.cc}):
 * an optionally parenthesised, comma-separated list of fields. A field is a column, dot-joined
 * ({@code redpanda.timestamp}), or a transform of one: {@code identity}, {@code year}, {@code month},
 * {@code day}, {@code hour}, {@code void}, {@code bucket(N, col)}, {@code truncate(N, col)}; keywords in
 * any case; an optional {@code AS alias}; identifiers may be backquoted. {@code ()} or nothing at all
 * is unpartitioned.
 */
public final class PartitionSpecs {
  /** Redpanda's default for every Iceberg topic's table, and always for its dead-letter table. */
  public static final String DEFAULT = "(hour(redpanda.timestamp))";

  private PartitionSpecs() {}

  /** The Iceberg partition spec of {@code text} over {@code schema}; a clear error names what is wrong. */
  public static PartitionSpec parse(String text, Schema schema) {
    Parser parser = new Parser(text);
    List<Field> fields;
    try {
      fields = parser.spec();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("partition spec " + text + " is not one Redpanda accepts: " + e.getMessage()
          + "; for example " + DEFAULT, e);
    }
    PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
    for (Field field : fields) {
      try {
        field.addTo(spec);
      } catch (IllegalArgumentException | org.apache.iceberg.exceptions.ValidationException e) {
        throw new IllegalArgumentException("partition spec " + text + " does not fit the table: " + e.getMessage(), e);
      }
    }
    return spec.build();
  }

  /** One partition field: a transform of a column, with its argument and alias where given. */
  private record Field(String transform, int argument, String column, String alias) {
    void addTo(PartitionSpec.Builder spec) {
      switch (transform) {
        case "identity" -> {
          if (alias == null) {
            spec.identity(column);
          } else {
            spec.identity(column, alias);
          }
        }
        case "year" -> spec.year(column, name(column + "_year"));
        case "month" -> spec.month(column, name(column + "_month"));
        case "day" -> spec.day(column, name(column + "_day"));
        case "hour" -> spec.hour(column, name(column + "_hour"));
        case "void" -> spec.alwaysNull(column, name(column + "_null"));
        case "bucket" -> spec.bucket(column, argument, name(column + "_bucket"));
        case "truncate" -> spec.truncate(column, argument, name(column + "_trunc"));
        default -> throw new IllegalArgumentException("unknown transform " + transform);
      }
    }

    /** Iceberg's own default names, with dots replaced as Iceberg requires for partition field names. */
    private String name(String defaultName) {
      return alias != null ? alias : defaultName.replace('.', '_');
    }
  }

  /** A hand-written recursive descent over Redpanda's small grammar. */
  private static final class Parser {
    private static final List<String> TRANSFORMS = List.of("identity", "year", "month", "day", "hour", "void");
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    List<Field> spec() {
      List<Field> fields = new ArrayList<>();
      skipSpace();
      boolean parenthesised = accept('(');
      skipSpace();
      if (!(parenthesised ? peek(')') : atEnd())) {
        fields.add(field());
        while (accept(',')) {
          fields.add(field());
        }
      }
      if (parenthesised) {
        expect(')');
      }
      skipSpace();
      if (!atEnd()) {
        throw error("the end of the spec");
      }
      return fields;
    }

    private Field field() {
      skipSpace();
      int start = pos;
      String word = identifier();
      skipSpace();
      Field field;
      if (peek('(')) {
        String transform = word.toLowerCase(Locale.ROOT);
        expect('(');
        if (transform.equals("bucket") || transform.equals("truncate")) {
          int argument = number();
          expect(',');
          field = new Field(transform, argument, column(), null);
        } else if (TRANSFORMS.contains(transform)) {
          field = new Field(transform, 0, column(), null);
        } else {
          pos = start;
          throw error("a column or one of identity, year, month, day, hour, void, bucket, truncate");
        }
        expect(')');
      } else {
        pos = start;
        field = new Field("identity", 0, column(), null);
      }
      skipSpace();
      if (keyword("as")) {
        skipSpace();
        return new Field(field.transform(), field.argument(), field.column(), identifier());
      }
      return field;
    }

    private String column() {
      skipSpace();
      StringBuilder path = new StringBuilder(identifier());
      while (peek('.')) {
        pos++;
        path.append('.').append(identifier());
      }
      skipSpace();
      return path.toString();
    }

    private String identifier() {
      skipSpace();
      if (accept('`')) {
        StringBuilder quoted = new StringBuilder();
        while (true) {
          if (atEnd()) {
            throw error("a closing backquote");
          }
          char c = text.charAt(pos++);
          if (c == '`') {
            if (peek('`')) {
              pos++;
              quoted.append('`');
              continue;
            }
            return quoted.toString();
          }
          quoted.append(c);
        }
      }
      int start = pos;
      if (!atEnd() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
        while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
          pos++;
        }
      }
      if (start == pos) {
        throw error("an identifier");
      }
      return text.substring(start, pos);
    }

    private int number() {
      skipSpace();
      int start = pos;
      while (!atEnd() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("a number");
      }
      return Integer.parseInt(text.substring(start, pos));
    }

    private boolean keyword(String word) {
      int end = pos + word.length();
      if (end <= text.length() && text.substring(pos, end).equalsIgnoreCase(word)
          && (end == text.length() || Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '`')) {
        pos = end;
        return true;
      }
      return false;
    }

    private boolean accept(char c) {
      skipSpace();
      if (peek(c)) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!accept(c)) {
        throw error("'" + c + "'");
      }
    }

    private boolean peek(char c) {
      return !atEnd() && text.charAt(pos) == c;
    }

    private boolean atEnd() {
      return pos >= text.length();
    }

    private void skipSpace() {
      while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException error(String expected) {
      return new IllegalArgumentException("col " + pos + ": expected " + expected + " (got instead: \""
          + text.substring(Math.min(pos, text.length())) + "\")");
    }
  }
}
