package lakehouse.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lakehouse.Lakehouse;
import lakehouse.junit.ConcurrentTests;
import lakehouse.junit.LakehouseSpec;
import lakehouse.stack.RunSettings;
import lakehouse.stack.StackKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * Redpanda's translation, case by case, on this stack: every file of src/test/resources/conformance,
 * plus those of {@value ConformanceCase#DIR}, as one test each, named after the case. The cases
 * run a few at a time on the shared stack; each test waits for its own. A file that cannot be read
 * is a test that fails with the file, the field and what it must be.
 */
@LakehouseSpec
@Order(10)
class ConformanceSpec {

  @TestFactory
  List<DynamicTest> everyCaseBehavesAsOnRedpanda(Lakehouse lakehouse, RunSettings settings) {
    List<CaseFile> files = ConformanceCase.toRun(settings.source());
    List<Named<ConcurrentTests.Body>> cases = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      CaseFile file = files.get(i);
      cases.add(Named.of(file.displayName(), caseBody(file, i, lakehouse, settings)));
    }
    return ConcurrentTests.of(ConformanceCase.parallelism(settings.source()), cases);
  }

  private static ConcurrentTests.Body caseBody(CaseFile file, int index, Lakehouse lakehouse, RunSettings settings) {
    if (!file.readable()) {
      // Its own test fails, naming the file and the field; the other cases still run.
      return file::orFail;
    }
    ConformanceCase testCase = file.testCase();
    if (testCase.embeddedDiffers().isPresent() && lakehouse.stack() == StackKind.EMBEDDED) {
      // The stand-in cannot do what Redpanda does here: skipped with the reason, never bent to the stand-in.
      return () -> Assumptions.abort("the embedded stack differs from Redpanda here: " + testCase.embeddedDiffers().get());
    }
    return () -> assertThat(new CaseRun(lakehouse, settings, testCase, index).run())
        .as("%s (%s)", testCase.name(), testCase.source()).isEmpty();
  }
}
