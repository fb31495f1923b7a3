package org.serialtracking.serial;

import org.serialtracking.common.Text;

import java.time.LocalDate;

/**
 * What the serial list is filtered by; a null or blank field filters nothing, unknown codes match
 * nothing. {@code q}: part of the serial number; {@code lot}: the lot exactly; {@code expiresBy}:
 * serials whose recorded expiry is on or before that day.
 */
public record SerialFilter(String sku, SerialStatus status, String location, String q, String lot,
                           LocalDate expiresBy) {

    public SerialFilter {
        Text.field("sku", sku);
        Text.field("location", location);
        Text.field("lot", lot);
    }

    public SerialFilter(String sku, SerialStatus status, String location, String q) {
        this(sku, status, location, q, null, null);
    }
}
