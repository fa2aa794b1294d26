package lakehouse.progress;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard output and error, wrapped so the heartbeat knows when anything at all (a spec, a stack
 * component, the heartbeat itself) last wrote to the console.
 */
final class QuietConsole extends FilterOutputStream {
  private static volatile long lastWriteNanos = System.nanoTime();
  private static PrintStream wrappedOut;
  private static PrintStream wrappedErr;

  private QuietConsole(OutputStream out) {
    super(out);
  }

  /** Wraps System.out and System.err, unless they are already ours (tests may swap them in between). */
  static synchronized void install() {
    // Counting from now: a heartbeat a second after the run starts, not at once.
    lastWriteNanos = System.nanoTime();
    if (System.out != wrappedOut) {
      wrappedOut = wrap(System.out);
      System.setOut(wrappedOut);
    }
    if (System.err != wrappedErr) {
      wrappedErr = wrap(System.err);
      System.setErr(wrappedErr);
    }
  }

  private static PrintStream wrap(PrintStream stream) {
    return new PrintStream(new QuietConsole(stream), true, Charset.defaultCharset());
  }

  static long lastWriteNanos() {
    return lastWriteNanos;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    lastWriteNanos = System.nanoTime();
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    lastWriteNanos = System.nanoTime();
  }
}
