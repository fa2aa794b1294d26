package lakehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Which package may use which (docs/architecture.md): production code never uses the spec, the Kafka
 * Connect plugin and Redpanda's rules use only what a Connect worker has, and no two packages use each
 * other in a cycle. Each rule is also shown to fail on classes that break it, so a rule that can no
 * longer fail is noticed.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target", "classes"));
  private static final JavaClasses TEST = new ClassFileImporter().importPath(Path.of("target", "test-classes"));

  @Test
  void noProductionClassUsesATestClass() {
    mainUsesNoTestClass(names(MAIN), names(TEST)).check(MAIN);
  }

  @Test
  void theMainRuleFailsWhenAMainClassUsesATestClass() throws ClassNotFoundException {
    // Taken for production code, the spec's query helper uses the spec's Pipeline, a test class.
    JavaClasses pretendMain = new ClassFileImporter().importClasses(Class.forName("lakehouse.pipeline.AnalyticsQueries"));

    assertThat(mainUsesNoTestClass(names(pretendMain), names(TEST)).evaluate(pretendMain).hasViolation()).isTrue();
  }

  @Test
  void thePluginUsesOnlyWhatAConnectWorkerHas() {
    pluginRule().check(MAIN);
  }

  @Test
  void thePluginRuleFailsOnAPackageThatUsesDuckDb() {
    // lakehouse.duckdb uses DuckDB, which no Connect worker has: held to the plugin's rule, it breaks it.
    assertThat(pluginRule("lakehouse.duckdb..").evaluate(MAIN).hasViolation()).isTrue();
  }

  @Test
  void redpandasRulesUseNoStackAndNoOtherPackageOfOurs() {
    rulesRule().check(MAIN);
  }

  @Test
  void noTwoPackagesUseEachOtherInACycle() {
    packageCycles().check(MAIN);
  }

  @Test
  void theCycleRuleFailsOnTwoPackagesThatUseEachOther() {
    // java.lang.String uses java.util.Locale, and java.util.ArrayList uses java.lang.
    JavaClasses cycle = new ClassFileImporter().importClasses(String.class, java.util.Locale.class, java.util.ArrayList.class);

    assertThat(packageCycles("java").evaluate(cycle).hasViolation()).isTrue();
  }

  static ArchRule mainUsesNoTestClass(Set<String> mainClasses, Set<String> testClasses) {
    return noClasses().that(named("production classes", mainClasses))
        .should().dependOnClassesThat(named("test classes (specs, stages, trades, benchmark, unit tests)", testClasses))
        .because("src/main is the library; src/test is the spec that uses it");
  }

  static ArchRule pluginRule() {
    return pluginRule("lakehouse.plugin..");
  }

  static ArchRule pluginRule(String plugin) {
    return classes().that().resideInAPackage(plugin)
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "lakehouse.plugin..", "lakehouse.schema..",
            "org.apache.kafka.connect..", "org.apache.kafka.common..", "org.apache.iceberg..", "com.fasterxml.jackson..",
            "org.apache.hadoop.conf..", "org.apache.avro..", "com.google.protobuf..", "com.squareup.wire..", "kotlin..")
        .because("the plugin runs inside a Kafka Connect worker next to Iceberg's sink (lakehouse.plugin's package-info)");
  }

  static ArchRule rulesRule() {
    return classes().that().resideInAPackage("lakehouse.schema..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "lakehouse.schema..", "org.apache.iceberg..",
            "com.fasterxml.jackson..", "org.apache.avro..", "com.google.protobuf..", "com.squareup.wire..", "kotlin..")
        .because("Redpanda's rules ship inside the plugin and depend on no stack");
  }

  static ArchRule packageCycles() {
    return packageCycles("lakehouse");
  }

  /** Each package under {@code root} is a slice of its own: a subpackage is a package like any other. */
  static ArchRule packageCycles(String root) {
    SliceAssignment byPackage = new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        return javaClass.getPackageName().startsWith(root)
            ? SliceIdentifier.of(javaClass.getPackageName())
            : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "each package of " + root;
      }
    };
    return SlicesRuleDefinition.slices().assignedFrom(byPackage).should().beFreeOfCycles();
  }

  private static DescribedPredicate<JavaClass> named(String description, Set<String> names) {
    return DescribedPredicate.describe(description, javaClass -> names.contains(javaClass.getName()));
  }

  private static Set<String> names(JavaClasses classes) {
    return classes.stream().map(JavaClass::getName).collect(Collectors.toSet());
  }
}
