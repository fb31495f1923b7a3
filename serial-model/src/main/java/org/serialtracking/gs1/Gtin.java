package org.serialtracking.gs1;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.util.List;
import java.util.Optional;

/**
 * A Global Trade Item Number, always held as 14 digits.
 * <p>
 * GTIN-8 (EAN-8), GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14 are one number space: the shorter
 * ones are the same GTIN with leading zeros, which is how AI (01) and a GS1 Digital Link carry them.
 * Holding the 14-digit form makes a GTIN typed from the EAN-13 under a barcode equal to the one
 * scanned from the DataMatrix beside it. White space around the digits is dropped; the GS1 mod-10
 * check digit must be right, so a mistyped digit is refused rather than stored as another product.
 */
public record Gtin(String value) {

    /** The length of {@link #value()}. */
    public static final int LENGTH = 14;

    public Gtin {
        String digits = value == null ? null : value.strip();
        Optional<String> problem = problemOfStripped(digits);
        if (problem.isPresent()) {
            throw new RuleViolation(ErrorCode.INVALID_GTIN, problem.get(), List.of(value == null ? "" : value));
        }
        value = "0".repeat(LENGTH - digits.length()) + digits;
    }

    /** The GTIN a text (8, 12, 13 or 14 digits) stands for; refused with {@link ErrorCode#INVALID_GTIN}. */
    public static Gtin of(String raw) {
        return new Gtin(raw);
    }

    /** Why a text is not a GTIN, if it is not one: for screens that check before they submit. */
    public static Optional<String> problemWith(String raw) {
        return problemOfStripped(raw == null ? null : raw.strip());
    }

    private static Optional<String> problemOfStripped(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.of("a GTIN must not be empty");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("a GTIN has digits only: " + Gs1Reader.describe(s, i) + " at position " + (i + 1)
                        + " is not a digit");
            }
        }
        int n = s.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return Optional.of("a GTIN has 8, 12, 13 or 14 digits, not " + n);
        }
        int expected = CheckDigits.mod10(s, 0, n - 1);
        if (s.charAt(n - 1) - '0' != expected) {
            return Optional.of("the check digit of GTIN " + s + " is " + s.charAt(n - 1) + ", expected " + expected);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
