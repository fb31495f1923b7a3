package org.serialtracking.transaction.control;

import org.serialtracking.transaction.LineRole;

import java.math.BigDecimal;
import java.util.List;

/** A document line with its item and locations looked up. {@code toLocation} may be null. */
public record ResolvedLine(int lineNo, ItemFacts item, LocationFacts location, LocationFacts toLocation,
                           BigDecimal quantity, LineRole role, List<String> rawSerials) {
}
