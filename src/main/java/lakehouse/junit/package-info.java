/**
 * The JUnit 5 extension that owns the stack: {@link lakehouse.junit.LakehouseSpec} marks a spec class, the
 * extension runs the preflight, starts one stack per JVM, hands out the handles and {@link lakehouse.junit.RunFixture}s,
 * and writes the run's report. {@link lakehouse.junit.SpecRunner} runs specs in a child JVM.
 *
 * <p>This is the public entry point of the library. May use every machinery package; nothing in it knows the
 * trades pipeline.
 */
package lakehouse.junit;
