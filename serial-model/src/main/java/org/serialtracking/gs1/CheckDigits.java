package org.serialtracking.gs1;

/** The GS1 mod-10 check digit shared by GTINs, SSCCs, GLNs and the other numeric keys. */
final class CheckDigits {

    private CheckDigits() {
    }

    /**
     * The check digit the digits {@code s[from, to)} call for, the check digit itself not included.
     * Weights alternate 3, 1, 3, … from the right, so a GTIN-8 and the same GTIN padded to 14 digits
     * get the same check digit.
     */
    static int mod10(CharSequence s, int from, int to) {
        int sum = 0;
        int weight = 3;
        for (int i = to - 1; i >= from; i--) {
            sum += (s.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last of {@code s[from, to)} is the check digit of the others; digits only. */
    static boolean valid(CharSequence s, int from, int to) {
        return s.charAt(to - 1) - '0' == mod10(s, from, to - 1);
    }
}
