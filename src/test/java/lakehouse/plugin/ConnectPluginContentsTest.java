package lakehouse.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Connect plugin jar (pom.xml, execution {@code connect-plugin-jar}) is cut from target/classes
 * by package. This checks the packages against the compiled classes: every class of this project
 * that the converter or the transforms can load lies in an included package, so a change that pulls
 * in a class from elsewhere fails here, before a Connect worker would fail with NoClassDefFoundError.
 * Library classes (Kafka Connect, Iceberg, Jackson) come from the worker.
 */
class ConnectPluginContentsTest {
  private static final Path CLASSES = Path.of("target", "classes");
  private static final List<String> PLUGIN_CLASSES = List.of(JsonSchemaConverter.class.getName(),
      SchemaRegistryConverter.class.getName(), RedpandaMetadata.class.getName(), TableAtFirstRecord.class.getName());
  private static final Pattern PROJECT_CLASS = Pattern.compile("lakehouse/[A-Za-z0-9_/$]+");

  @Test
  void everyProjectClassThePluginCanLoadIsInAnIncludedPackage() throws Exception {
    List<Pattern> includes = includes();

    Set<String> needed = closure();

    assertThat(needed).contains("lakehouse/plugin/JsonSchemaConverter", "lakehouse/schema/RecordTranslation",
        "lakehouse/plugin/TableAtFirstRecord", "lakehouse/schema/PartitionSpecs");
    assertThat(needed).allSatisfy(name -> assertThat(includes)
        .as("an include in pom.xml's connect-plugin-jar for %s.class", name)
        .anyMatch(include -> include.matcher(name + ".class").matches()));
  }

  @Test
  void thePluginIsCutByPackageNotByClass() throws Exception {
    assertThat(includes()).extracting(Pattern::pattern)
        .as("pom.xml's connect-plugin-jar includes: whole packages, never a list of classes")
        .noneMatch(pattern -> pattern.contains("class"));
  }

  @Test
  void theServiceFilesNameExactlyTheConvertersAndTheTransformsAndAreIncluded() throws Exception {
    List<Pattern> includes = includes();
    Path services = CLASSES.resolve("META-INF/services");

    assertThat(Files.readAllLines(services.resolve("org.apache.kafka.connect.storage.Converter")))
        .containsExactly(JsonSchemaConverter.class.getName(), SchemaRegistryConverter.class.getName());
    assertThat(Files.readAllLines(services.resolve("org.apache.kafka.connect.transforms.Transformation")))
        .containsExactly(RedpandaMetadata.class.getName(), TableAtFirstRecord.class.getName());
    for (String service : List.of("org.apache.kafka.connect.storage.Converter",
        "org.apache.kafka.connect.transforms.Transformation")) {
      assertThat(includes).anyMatch(include -> include.matcher("META-INF/services/" + service).matches());
    }
  }

  /** The project classes reachable from the plugin's two classes through their constant pools. */
  private static Set<String> closure() throws IOException {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> next = new ArrayDeque<>();
    PLUGIN_CLASSES.forEach(name -> next.add(name.replace('.', '/')));
    while (!next.isEmpty()) {
      String name = next.poll();
      Path file = CLASSES.resolve(name + ".class");
      if (!Files.exists(file) || !seen.add(name)) {
        continue; // not a class of its own, such as a package name in a string
      }
      for (String text : constantStrings(file)) {
        Matcher reference = PROJECT_CLASS.matcher(text);
        while (reference.find()) {
          next.add(reference.group());
        }
      }
    }
    return seen;
  }

  /** Every UTF-8 constant of a class file: class names, descriptors and signatures among them (JVMS §4.4). */
  private static List<String> constantStrings(Path classFile) throws IOException {
    List<String> strings = new ArrayList<>();
    try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
      data.skipBytes(8); // magic, minor and major version
      int count = data.readUnsignedShort();
      for (int index = 1; index < count; index++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> strings.add(data.readUTF());
          case 7, 8, 16, 19, 20 -> data.skipBytes(2);
          case 15 -> data.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
          case 5, 6 -> {
            data.skipBytes(8);
            index++; // long and double take two entries
          }
          default -> throw new IOException("unknown constant tag " + tag + " in " + classFile);
        }
      }
    }
    return strings;
  }

  /** The include patterns of the connect-plugin-jar execution, as regular expressions. */
  private static List<Pattern> includes() throws Exception {
    var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    NodeList executions = pom.getElementsByTagName("execution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      if ("connect-plugin-jar".equals(execution.getElementsByTagName("id").item(0).getTextContent())) {
        NodeList includes = execution.getElementsByTagName("include");
        List<Pattern> patterns = new ArrayList<>();
        for (int j = 0; j < includes.getLength(); j++) {
          patterns.add(antPattern(includes.item(j).getTextContent().trim()));
        }
        return patterns;
      }
    }
    throw new AssertionError("pom.xml has no execution connect-plugin-jar");
  }

  private static Pattern antPattern(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (pattern.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (pattern.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
