package lakehouse.schema.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message as Redpanda's own Protobuf parser leaves it ({@code serde/protobuf/parser.h}, {@code parsed::message}):
 * the fields that were on the wire, by number, before any default is applied. Values are Double, Float, Integer
 * (int32, sint32, sfixed32, enum numbers, and uint32/fixed32 as their bits), Long (64-bit kinds, uint64/fixed64 as
 * their bits), Boolean, ByteString (string and bytes, unchecked), {@link Parsed}, {@link Repeated} and
 * {@link MapEntries}.
 */
final class Parsed {
  /** A map entry without its key or value on the wire (Redpanda's {@code std::monostate}). */
  static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "absent";
    }
  };

  final Descriptor descriptor;
  final Map<Integer, Object> fields = new LinkedHashMap<>();

  Parsed(Descriptor descriptor) {
    this.descriptor = descriptor;
  }

  /** The elements of a repeated field, in wire order. */
  static final class Repeated {
    final List<Object> elements = new ArrayList<>();
  }

  /** A map field's entries: a key seen again keeps its first value, as Redpanda's {@code emplace} does. */
  static final class MapEntries {
    final Map<Object, Object> entries = new LinkedHashMap<>();
  }
}
