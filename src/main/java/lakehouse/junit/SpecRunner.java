package lakehouse.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import lakehouse.lifecycle.ParentWatch;
import lakehouse.lifecycle.Shutdown;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the round-trip spec ({@code lakehouse.spec}) in this JVM, configured by system properties
 * like a Maven run, and exits 0 only if tests ran and none failed. Used to run the spec in a child
 * JVM: against external settings, with keep-running, or to be interrupted. Arguments, when given,
 * name the spec classes to run instead, such as {@code lakehouse.reliability.ExactlyOnceSpec}.
 */
public final class SpecRunner {
  public static final String SPEC_PACKAGE = "lakehouse.spec";

  private SpecRunner() {}

  public static void main(String[] args) {
    // A child JVM exits, stopping its stack, when its parent goes away, even by SIGKILL.
    ParentWatch.startIfChild();
    Shutdown.install();
    List<DiscoverySelector> selectors = args.length == 0
        ? List.of(selectPackage(SPEC_PACKAGE))
        : Arrays.stream(args).<DiscoverySelector>map(name -> selectClass(name)).toList();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .build();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, summary);
    TestExecutionSummary result = summary.getSummary();
    PrintWriter out = new PrintWriter(System.out, true);
    result.printFailuresTo(out, 20);
    out.printf("%d passed, %d failed, %d skipped%n",
        result.getTestsSucceededCount(), result.getTotalFailureCount(), result.getTestsSkippedCount());
    boolean passed = result.getTestsFoundCount() > 0 && result.getTotalFailureCount() == 0;
    System.exit(passed ? 0 : 1);
  }
}
