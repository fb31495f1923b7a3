package org.serialtracking.entry.control;

import java.util.Comparator;

/**
 * Serials in the order people expect: {@code SN-2} before {@code SN-10}. A serial is split into the
 * text before its last group of digits, that number, and the text after it; they compare in that
 * order, text ignoring case and with any numbers inside it compared by value too ({@code A2-1} before
 * {@code A10-1}), then the width of the number ({@code SN-2} before {@code SN-002}). Ties fall back
 * to the exact text, so two different serials never compare equal and the order is total (safe for
 * sorted sets).
 */
public final class SerialOrder {

    private static final Comparator<String> NATURAL = (a, b) -> compare(a, SerialParts.of(a), b, SerialParts.of(b));

    private SerialOrder() {
    }

    public static Comparator<String> natural() {
        return NATURAL;
    }

    /** Compares two serials already split, so sorting many of them splits each only once. */
    static int compare(String a, SerialParts pa, String b, SerialParts pb) {
        int c = compareText(pa.prefix(), pb.prefix());
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(pa.hasDigits(), pb.hasDigits());
        if (c != 0) {
            return c;
        }
        if (pa.hasDigits()) {
            c = Digits.compare(pa.digits(), pb.digits());
            if (c != 0) {
                return c;
            }
        }
        c = compareText(pa.suffix(), pb.suffix());
        if (c != 0) {
            return c;
        }
        // Equal numbers written differently: SN-2 before SN-002.
        c = Integer.compare(pa.width(), pb.width());
        if (c != 0) {
            return c;
        }
        c = a.compareToIgnoreCase(b);
        return c != 0 ? c : a.compareTo(b);
    }

    /**
     * Text compared ignoring case, with runs of digits compared by value. Each string's digit runs are
     * fixed by the string alone and a digit run sorts where a digit character would, so this is a
     * proper total preorder.
     */
    static int compareText(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (SerialParts.isDigit(ca) && SerialParts.isDigit(cb)) {
                int ei = runEnd(a, i);
                int ej = runEnd(b, j);
                int c = Digits.compare(a, i, ei, b, j, ej);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int runEnd(String s, int from) {
        int i = from;
        while (i < s.length() && SerialParts.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
