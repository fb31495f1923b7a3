package org.serialtracking.entry.control;

import java.math.BigInteger;

/**
 * Arithmetic on numbers written as digit strings. Serial numbers can carry more digits than a long
 * holds (a SIM card's ICCID has 19 or 20), so the rules never assume they fit.
 */
final class Digits {

    private Digits() {
    }

    /** {@code n} written with at least {@code width} digits, zero-padded on the left. */
    static String pad(String plain, int width) {
        if (plain.length() >= width) {
            return plain;
        }
        StringBuilder b = new StringBuilder(width);
        for (int i = plain.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(plain).toString();
    }

    static String pad(BigInteger n, int width) {
        return pad(n.toString(), width);
    }

    /** The next number, same minimum width: {@code 0099} → {@code 0100}, {@code 99} → {@code 100}. */
    static String increment(String digits) {
        char[] c = digits.toCharArray();
        int i = c.length - 1;
        while (i >= 0 && c[i] == '9') {
            c[i] = '0';
            i--;
        }
        if (i < 0) {
            return "1" + new String(c);
        }
        c[i]++;
        return new String(c);
    }

    /** Compares the digit runs {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)} by value, ignoring leading zeros. */
    static int compare(CharSequence a, int aFrom, int aTo, CharSequence b, int bFrom, int bTo) {
        while (aFrom < aTo - 1 && a.charAt(aFrom) == '0') {
            aFrom++;
        }
        while (bFrom < bTo - 1 && b.charAt(bFrom) == '0') {
            bFrom++;
        }
        int byLength = Integer.compare(aTo - aFrom, bTo - bFrom);
        if (byLength != 0) {
            return byLength;
        }
        for (; aFrom < aTo; aFrom++, bFrom++) {
            int c = Character.compare(a.charAt(aFrom), b.charAt(bFrom));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int compare(String a, String b) {
        return compare(a, 0, a.length(), b, 0, b.length());
    }
}
