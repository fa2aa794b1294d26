package lakehouse.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a spec class: it runs on the shared stack, its methods in {@code @Order}. The first spec
 * class of a run triggers the preflight; the run's report (run.json, run.md) is written unless the
 * run's spec classes say otherwise ({@link #writesRunReport}, the benchmark, which writes its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LakehouseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("spec")
public @interface LakehouseSpec {
  /** False for a run that writes only its own files (the benchmark's benchmark.json/md). */
  boolean writesRunReport() default true;
}
