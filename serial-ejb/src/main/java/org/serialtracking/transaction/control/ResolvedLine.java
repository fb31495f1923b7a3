package org.serialtracking.transaction.control;

import org.serialtracking.transaction.LineRole;
import org.serialtracking.serial.SerialAttributes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A document line with its item and locations looked up. {@code toLocation} may be null.
 * {@code rawSerials} are serial numbers (GS1 entries already read); {@code attributes} the lot and
 * expiry given for some of them, by serial key.
 */
public record ResolvedLine(int lineNo, ItemFacts item, LocationFacts location, LocationFacts toLocation,
                           BigDecimal quantity, LineRole role, List<String> rawSerials,
                           Map<String, SerialAttributes> attributes) {

    public ResolvedLine(int lineNo, ItemFacts item, LocationFacts location, LocationFacts toLocation,
                        BigDecimal quantity, LineRole role, List<String> rawSerials) {
        this(lineNo, item, location, toLocation, quantity, role, rawSerials, Map.of());
    }
}
