package lakehouse.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of your spec that the extension builds once per run and hands to every spec method
 * or constructor that asks for it, like the handles: the pipeline of stages that several spec classes
 * share. It needs a public constructor taking {@code (Lakehouse, RunSettings, RunReport)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RunFixture {}
