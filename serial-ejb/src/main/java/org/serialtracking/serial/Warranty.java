package org.serialtracking.serial;

import java.time.OffsetDateTime;

/**
 * A unit's warranty (issue 14): it starts at the unit's first shipment and lasts the item's
 * warranty days. {@code start} and {@code end} are null until the unit is shipped.
 */
public record Warranty(OffsetDateTime start, OffsetDateTime end, Status status) implements java.io.Serializable {

    public enum Status { NOT_STARTED, ACTIVE, EXPIRED }

    /**
     * The warranty of a unit whose item gives {@code days} of it, first shipped at {@code shipped}
     * (null: not yet), as it stands at {@code now}; null when the item gives no warranty.
     */
    public static Warranty of(Integer days, OffsetDateTime shipped, OffsetDateTime now) {
        if (days == null) {
            return null;
        }
        if (shipped == null) {
            return new Warranty(null, null, Status.NOT_STARTED);
        }
        OffsetDateTime end = shipped.plusDays(days);
        return new Warranty(shipped, end, now.isBefore(end) ? Status.ACTIVE : Status.EXPIRED);
    }

    /** Whether a unit of this warranty is covered at {@code at} (a return, a repair). */
    public boolean covers(OffsetDateTime at) {
        return start != null && !at.isBefore(start) && at.isBefore(end);
    }
}
