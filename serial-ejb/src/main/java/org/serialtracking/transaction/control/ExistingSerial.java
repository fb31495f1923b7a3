package org.serialtracking.transaction.control;

import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.SerialAttributes;

/**
 * A serial row that a document names, read under a row lock. {@code locationId} is null unless
 * IN_STOCK; {@code shippedTo} the customer (party id) of the shipment a SHIPPED serial left on, if
 * it named one; {@code attributes} the lot and expiry recorded when it came into being.
 */
public record ExistingSerial(long id, String serial, String key, long itemId, SerialStatus status, Long locationId,
                             Long shippedTo, SerialAttributes attributes) {

    public ExistingSerial(long id, String serial, String key, long itemId, SerialStatus status, Long locationId) {
        this(id, serial, key, itemId, status, locationId, null, new SerialAttributes(null, null));
    }
}
