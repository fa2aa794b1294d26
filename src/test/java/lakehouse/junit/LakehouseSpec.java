package lakehouse.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marks a spec class: it runs on the shared stack, its methods in {@code @Order}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LakehouseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("spec")
public @interface LakehouseSpec {}
