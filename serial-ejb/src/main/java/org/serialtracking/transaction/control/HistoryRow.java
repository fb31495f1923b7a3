package org.serialtracking.transaction.control;

import org.serialtracking.serial.HistoryType;

/** One history row written for each serial of a change: what happened, +1 or -1, where. */
public record HistoryRow(HistoryType type, int quantity, long locationId) {

    /** The row that undoes this one (the same type and place, the opposite quantity). */
    public HistoryRow reversed() {
        return new HistoryRow(type, -quantity, locationId);
    }
}
