package org.serialtracking.transaction.control;

import org.serialtracking.serial.SerialStatus;

/**
 * Where a serial is: its status, and its location while it is in stock ({@code null} otherwise, or
 * when any location will do).
 */
public record SerialPlace(SerialStatus status, Long locationId) {

    /** Whether a serial with this status and location is here. */
    public boolean holds(SerialStatus status, Long locationId) {
        return this.status == status && (this.locationId == null || this.locationId.equals(locationId));
    }
}
