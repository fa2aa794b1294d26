package lakehouse.archfixture;

import lakehouse.pipeline.Pipeline;

/** ArchitectureTest's fixture: treated as a production class, it uses the spec's pipeline, which the rule forbids. */
public final class MainThatUsesASpec {
  public String topic() {
    return Pipeline.TRADES;
  }

  public Class<?> stages() {
    return Pipeline.class;
  }
}
