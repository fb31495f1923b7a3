package org.serialtracking.label;

import org.serialtracking.serial.SerialNumber;

import java.time.LocalDate;

/**
 * What one label shows. Only the serial is required; a blank optional text counts as absent.
 *
 * @param serial   the serial number as stored (NFC, any Unicode); required, not blank, at most
 *                 {@value SerialNumber#MAX_LENGTH} characters
 * @param sku      the item's SKU, or {@code null}
 * @param itemName the item's name, or {@code null}
 * @param gtin     the item's GTIN as 14 digits with a valid check digit, or {@code null}; with it the
 *                 DataMatrix is a GS1 DataMatrix
 * @param lot      the lot or batch, or {@code null}
 * @param expiry   the expiry date, or {@code null}
 */
public record Label(String serial, String sku, String itemName, String gtin, String lot, LocalDate expiry) {

    public Label {
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("a label needs a serial number");
        }
        if (serial.codePointCount(0, serial.length()) > SerialNumber.MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a label's serial must be at most " + SerialNumber.MAX_LENGTH + " characters");
        }
        sku = absentIfBlank(sku);
        itemName = absentIfBlank(itemName);
        gtin = absentIfBlank(gtin);
        lot = absentIfBlank(lot);
        if (gtin != null && !isGtin14(gtin)) {
            throw new IllegalArgumentException(
                    "a label's GTIN must be 14 digits with a valid check digit, not '" + gtin + "'");
        }
    }

    /** A label with the serial alone. */
    public static Label of(String serial) {
        return new Label(serial, null, null, null, null, null);
    }

    /** Whether the text is a GTIN-14: 14 digits, the last the GS1 check digit of the others. */
    public static boolean isGtin14(String s) {
        if (s == null || s.length() != 14) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 13) {
                sum += (c - '0') * (i % 2 == 0 ? 3 : 1);
            }
        }
        return (10 - sum % 10) % 10 == s.charAt(13) - '0';
    }

    private static String absentIfBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
