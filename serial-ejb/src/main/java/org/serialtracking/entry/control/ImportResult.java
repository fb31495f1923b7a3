package org.serialtracking.entry.control;

import org.serialtracking.serial.SerialAttributes;

import java.util.List;
import java.util.Map;

/**
 * What an import found: the serials, in file order without repeats ({@code duplicatesRemoved}
 * counts the later, case-insensitive repeats dropped), and the values that are not serials, each
 * with its 1-based row. At most {@link #MAX_LISTED_REJECTED} rejected values are listed, so a file of
 * garbage cannot produce a response of garbage; {@code rejectedCount} counts them all.
 * {@code serialAttributes}: the lot and expiry of serials read from GS1 barcode data, by serial.
 */
public record ImportResult(List<String> serials, int count, int duplicatesRemoved, List<Rejected> rejected,
                           int rejectedCount, Map<String, SerialAttributes> serialAttributes) {

    public ImportResult(List<String> serials, int count, int duplicatesRemoved, List<Rejected> rejected,
                        int rejectedCount) {
        this(serials, count, duplicatesRemoved, rejected, rejectedCount, Map.of());
    }

    public static final int MAX_LISTED_REJECTED = 1000;

    /**
     * A value that is not a serial: where it is (the spreadsheet row, the CSV record, the text line),
     * what it says (cut after {@value org.serialtracking.serial.SerialNumber#MAX_LENGTH} characters)
     * and why it was left out.
     */
    public record Rejected(int row, String value, String reason) {
    }
}
