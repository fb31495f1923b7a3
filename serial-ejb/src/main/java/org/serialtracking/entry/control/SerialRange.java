package org.serialtracking.entry.control;

/**
 * Serials shown as one line: {@code first} to {@code last}, {@code count} of them, and the label a
 * screen prints, {@code SN-0001 – SN-0010 (10)}; a lone serial is a range of one labelled by itself.
 * Only {@code first} and {@code last} are needed to expand a range: {@code count} and {@code label}
 * are derived, for display.
 */
public record SerialRange(String first, String last, int count, String label) implements java.io.Serializable {

    /** The separator of a label: an en dash with spaces, as typesetting writes ranges. */
    public static final String DASH = " \u2013 ";

    public static SerialRange of(String first, String last, int count) {
        return new SerialRange(first, last, count, count == 1 ? first : first + DASH + last + " (" + count + ")");
    }

    public static SerialRange single(String serial) {
        return of(serial, serial, 1);
    }
}
