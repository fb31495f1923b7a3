package org.serialtracking.common;

import java.util.Optional;

/**
 * Small text rules shared by every capability: names, codes, free text and search patterns.
 * <p>
 * No text field may hold a control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F)
 * or half of a surrogate pair: PostgreSQL refuses U+0000 outright (which would surface as a 500),
 * and the others are invisible, break exports and fool whoever reads them. Codes (SKUs, location and
 * company codes) also refuse format characters (Cf: zero-width spaces, bidirectional overrides,
 * soft hyphens), which would make two codes that look alike differ. The services check here where
 * they convert a command; the API also refuses such text at its edge ({@code api/TextGuard}).
 */
public final class Text {

    public static final int MAX_NAME = 200;

    private Text() {
    }

    /** A display name: trimmed, at most 200 characters; blank means {@code fallback}. */
    public static String name(String raw, String fallback) {
        return name("name", raw, fallback);
    }

    /** A display name of the given field: trimmed, at most 200 characters; blank means {@code fallback}. */
    public static String name(String field, String raw, String fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String name = field(field, raw.strip());
        if (name.length() > MAX_NAME) {
            throw RuleViolation.invalid(field + " must be at most " + MAX_NAME + " characters");
        }
        return name;
    }

    /**
     * Free text (a reference, a reason, a search): refused (422 VALIDATION, naming the field) if it
     * holds a control character or a lone surrogate; returned unchanged otherwise. Null passes.
     */
    public static String field(String field, String value) {
        problemWith(value, false).ifPresent(problem -> {
            throw RuleViolation.invalid(field + " must not contain " + problem);
        });
        return value;
    }

    /** A code (SKU, location, company): as {@link #field}, and no format characters either. */
    public static String code(String field, String value) {
        problemWith(value, true).ifPresent(problem -> {
            throw RuleViolation.invalid(field + " must not contain " + problem);
        });
        return value;
    }

    /**
     * A code a new record is given (company, location, customer, supplier): required, stripped, at most
     * {@code max} characters, and a valid {@link #code}; {@code what} names it in the refusal.
     */
    public static String newCode(String what, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid(what + " code is required");
        }
        String code = raw.strip();
        code(what + " code", code);
        if (code.length() > max) {
            throw RuleViolation.invalid(what + " code must be at most " + max + " characters");
        }
        return code;
    }

    /**
     * What a text may not hold, described with the first offending code point ("control characters
     * (U+0000)"), or empty if it is fine. {@code code}: format characters are refused too.
     */
    public static Optional<String> problemWith(String value, boolean code) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int type = Character.getType(value.codePointAt(i));
                if (code && type == Character.FORMAT) {
                    return Optional.of("format characters (" + codePoint(value.codePointAt(i)) + ")");
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("half of a surrogate pair (" + codePoint(c) + "), which is not a character");
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL) {
                return Optional.of("control characters (" + codePoint(c) + ")");
            }
            if (code && type == Character.FORMAT) {
                return Optional.of("format characters (" + codePoint(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    /** A day written ISO-8601 ({@code 2027-12-31}); null when blank; else 422 naming the field. */
    public static java.time.LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw RuleViolation.invalid(field + " must be a date such as 2027-12-31, not '" + raw.strip() + "'");
        }
    }

    /**
     * Escapes LIKE wildcards so that a search text matches itself (escape character: backslash).
     * The text is a search (the {@code q} parameter of the lists), so it obeys {@link #field}.
     */
    public static String likeEscape(String s) {
        field("q", s);
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
