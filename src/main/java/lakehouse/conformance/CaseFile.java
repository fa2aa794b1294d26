package lakehouse.conformance;

import java.nio.file.Path;

/**
 * One conformance case file as read: its case, or why it cannot run (the file, each field at fault
 * and what it must be). A file that cannot be read is one failing test of its own; the other cases
 * still run.
 */
public record CaseFile(Path file, ConformanceCase testCase, String problem) {

  static CaseFile read(Path file) {
    try {
      return new CaseFile(file, ConformanceCase.read(file), null);
    } catch (IllegalArgumentException unreadable) {
      return new CaseFile(file, null, unreadable.getMessage());
    }
  }

  public boolean readable() {
    return testCase != null;
  }

  /** The case; a file that cannot be read fails here with its problem. */
  public ConformanceCase orFail() {
    if (testCase == null) {
      throw new AssertionError(problem);
    }
    return testCase;
  }

  /** The test's name: the case's name and file, or the file alone when it cannot be read. */
  public String displayName() {
    return (testCase == null ? "cannot be read" : testCase.name()) + " [" + file.getFileName() + "]";
  }
}
