package org.serialtracking.transaction.control;

import org.serialtracking.serial.SerialNumber;

import java.math.BigDecimal;
import java.util.List;

/** A line that passed every rule that needs no database: what it moves, and which serials. */
public record PlannedLine(ResolvedLine line, Movement movement, List<SerialNumber> serials) {

    public int lineNo() {
        return line.lineNo();
    }

    /** The stock change at the line's location. */
    public BigDecimal delta() {
        return movement.deltaAt(line.quantity());
    }
}
