package org.serialtracking.entry.control;

import java.math.BigInteger;

/**
 * A serial split around its last group of ASCII digits, the part that counts: {@code SN-0042-A} is
 * {@code SN-}, {@code 0042}, {@code -A}. A serial without digits is all prefix. Because the group is
 * maximal and the last one, the prefix never ends with a digit and the suffix holds none, so
 * {@code prefix + digits + suffix} splits back into the same parts.
 */
record SerialParts(String prefix, String digits, String suffix) {

    static SerialParts of(String serial) {
        int end = serial.length();
        while (end > 0 && !isDigit(serial.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return new SerialParts(serial, "", "");
        }
        int start = end - 1;
        while (start > 0 && isDigit(serial.charAt(start - 1))) {
            start--;
        }
        return new SerialParts(serial.substring(0, start), serial.substring(start, end), serial.substring(end));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    boolean hasDigits() {
        return !digits.isEmpty();
    }

    /** The written width of the number, leading zeros included: the minimum width of its successors. */
    int width() {
        return digits.length();
    }

    BigInteger number() {
        return new BigInteger(digits);
    }

    String text() {
        return prefix + digits + suffix;
    }
}
