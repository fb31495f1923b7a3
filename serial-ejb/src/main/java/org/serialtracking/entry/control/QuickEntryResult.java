package org.serialtracking.entry.control;

import org.serialtracking.serial.SerialAttributes;

import java.util.List;
import java.util.Map;

/**
 * The serials of a quick entry, in the order written, ranges expanded; {@code duplicatesRemoved}
 * counts the later repeats (case-insensitive) that were dropped. {@code serialAttributes}: the lot and
 * expiry of the serials that were entered as GS1 barcode data, by serial (the shape a document line
 * takes them in).
 */
public record QuickEntryResult(List<String> serials, int count, int duplicatesRemoved,
                               Map<String, SerialAttributes> serialAttributes) {

    public QuickEntryResult(List<String> serials, int count, int duplicatesRemoved) {
        this(serials, count, duplicatesRemoved, Map.of());
    }
}
