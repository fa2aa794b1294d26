package lakehouse.preflight;

/**
 * Why the run stopped before any stack started. Its message is the whole story (the setting, the
 * address, the fix), so it carries no stack trace: the console and the test reports show the
 * message once, not a trace per spec.
 */
public final class PreflightFailure extends RuntimeException {
  public PreflightFailure(String message) {
    super(message, null, false, false);
  }
}
