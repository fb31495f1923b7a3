package org.serialtracking.serial;

/** Where a unit is in its life. Only IN_STOCK serials have a location. */
public enum SerialStatus {
    IN_STOCK, SHIPPED, CONSUMED, REMOVED
}
