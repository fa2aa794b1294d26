package lakehouse.stack;

import java.time.Instant;
import java.util.Optional;

/**
 * When the catalog received each table's commit requests, as the stack itself saw them: one part of
 * the freshness split. Only a stack that runs its own catalog can tell (embedded); Polaris keeps no
 * such record the suite can read.
 */
public interface CommitRequests {

  /** The first commit request to {@code namespace.table} that arrived at or after {@code notBefore}. */
  Optional<Instant> firstAtOrAfter(String namespace, String table, Instant notBefore);
}
