package org.serialtracking.transaction.control;

import org.serialtracking.serial.SerialStatus;

/** A serial row that a document names, read under a row lock. {@code locationId} is null unless IN_STOCK. */
public record ExistingSerial(long id, String serial, String key, long itemId, SerialStatus status, Long locationId) {
}
