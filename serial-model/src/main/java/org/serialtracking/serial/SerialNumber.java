package org.serialtracking.serial;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A serial number as the rules see it: trimmed, 1–100 characters, no control characters.
 * Stored as first entered; two serials are the same when their {@link #key()}s are equal
 * (case-insensitive), which is also what the database's unique index compares.
 */
public record SerialNumber(String value) {

    public static final int MAX_LENGTH = 100;

    public SerialNumber {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new RuleViolation(ErrorCode.INVALID_SERIAL, problem.get(),
                    List.of(value == null ? "" : value));
        }
    }

    public static SerialNumber of(String raw) {
        return new SerialNumber(raw == null ? null : raw.strip());
    }

    /**
     * Validates many raw serials at once and reports every bad one in a single error.
     */
    public static List<SerialNumber> allOf(Collection<String> raw) {
        List<SerialNumber> result = new ArrayList<>(raw.size());
        List<String> bad = new ArrayList<>();
        String firstProblem = null;
        for (String r : raw) {
            String trimmed = r == null ? null : r.strip();
            Optional<String> problem = problemWith(trimmed);
            if (problem.isPresent()) {
                bad.add(r == null ? "" : r);
                if (firstProblem == null) {
                    firstProblem = problem.get();
                }
            } else {
                result.add(new SerialNumber(trimmed));
            }
        }
        if (!bad.isEmpty()) {
            throw new RuleViolation(ErrorCode.INVALID_SERIAL,
                    bad.size() + " invalid serial number(s); first problem: " + firstProblem, bad);
        }
        return result;
    }

    /** Why a (trimmed) value is not a serial number, if it is not one. */
    public static Optional<String> problemWith(String trimmed) {
        if (trimmed == null || trimmed.isEmpty()) {
            return Optional.of("a serial number must not be empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            return Optional.of("a serial number must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                return Optional.of("a serial number must not contain control characters");
            }
        }
        return Optional.empty();
    }

    /** The comparison key: serials are unique case-insensitively. */
    public String key() {
        return keyOf(value);
    }

    /** The comparison key of a serial already stored or issued (valid, trimmed). */
    public static String keyOf(String serial) {
        return serial.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
