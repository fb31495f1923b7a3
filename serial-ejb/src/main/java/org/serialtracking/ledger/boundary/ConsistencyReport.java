package org.serialtracking.ledger.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The result of one consistency check: each rule checked, with how many violations it found, and
 * the violations themselves (at most {@link ConsistencyCheck#MAX_LISTED} per rule).
 */
public record ConsistencyReport(OffsetDateTime checkedAt, long millis, boolean consistent,
                                Map<String, Long> violationsByRule, List<Violation> violations) implements java.io.Serializable {
}
