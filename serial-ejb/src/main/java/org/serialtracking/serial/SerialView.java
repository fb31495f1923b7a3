package org.serialtracking.serial;

import java.time.OffsetDateTime;

/**
 * A serial where it is now; {@code location} and {@code company} only while IN_STOCK.
 * {@code lastDocument} and {@code lastMovedAt}: the document that moved it last, and when.
 */
public record SerialView(String serial, String sku, SerialStatus status, String location, String company,
                         String lastDocument, OffsetDateTime lastMovedAt) {
}
