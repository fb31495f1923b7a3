package org.serialtracking.serial;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A serial where it is now; {@code location} and {@code company} only while IN_STOCK.
 * {@code lastDocument} and {@code lastMovedAt}: the document that moved it last, and when; for a
 * SHIPPED serial that is the shipment it left on, and {@code customer} the customer it went to
 * (when the shipment names one). {@code warranty}: on a single serial read, when its item gives one
 * (null in lists). {@code lot} and {@code expiry}: what its GS1 label gave when it came into being, if
 * anything.
 */
public record SerialView(String serial, String sku, SerialStatus status, String location, String company,
                         String lastDocument, OffsetDateTime lastMovedAt, String customer, Warranty warranty,
                         String lot, LocalDate expiry) implements java.io.Serializable {

    public SerialView withWarranty(Warranty w) {
        return new SerialView(serial, sku, status, location, company, lastDocument, lastMovedAt, customer, w, lot,
                expiry);
    }
}
