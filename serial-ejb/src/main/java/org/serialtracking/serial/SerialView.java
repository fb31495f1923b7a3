package org.serialtracking.serial;

import java.time.OffsetDateTime;

/**
 * A serial where it is now; {@code location} and {@code company} only while IN_STOCK.
 * {@code lastDocument} and {@code lastMovedAt}: the document that moved it last, and when; for a
 * SHIPPED serial that is the shipment it left on, and {@code customer} the customer it went to
 * (when the shipment names one). {@code warranty}: on a single serial read, when its item gives one
 * (null in lists).
 */
public record SerialView(String serial, String sku, SerialStatus status, String location, String company,
                         String lastDocument, OffsetDateTime lastMovedAt, String customer, Warranty warranty) {

    public SerialView withWarranty(Warranty w) {
        return new SerialView(serial, sku, status, location, company, lastDocument, lastMovedAt, customer, w);
    }
}
