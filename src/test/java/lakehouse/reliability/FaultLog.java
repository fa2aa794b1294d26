package lakehouse.reliability;

import java.time.Instant;
import lakehouse.progress.Phase;
import lakehouse.report.RunReport;

/** Runs a fault, announces it, and records it in the report's {@code reliability.faults_injected}. */
final class FaultLog {
  private final RunReport report;

  FaultLog(RunReport report) {
    this.report = report;
  }

  interface Fault {
    void inject() throws Exception;
  }

  void inject(String name, Fault fault) throws Exception {
    Instant at = Instant.now();
    long begin = System.nanoTime();
    System.out.println("[lakehouse] fault: " + name);
    try (Phase phase = Phase.begin("fault: " + name)) {
      fault.inject();
    }
    long millis = (System.nanoTime() - begin) / 1_000_000;
    report.faultInjected(name, at, millis);
    System.out.printf("[lakehouse] fault: %s done in %,d ms%n", name, millis);
  }
}
