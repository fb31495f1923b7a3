package org.serialtracking.serial;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A serial number as the rules see it, and its identity: two serials are the same serial when
 * their {@link #key()}s are equal, which is also what the database's unique index compares
 * ({@code serial.serial_key}, computed by the SQL function {@code serial_fold}, migration V10).
 * <p>
 * <b>The value</b> is stored in one canonical form:
 * <ul>
 *     <li>Unicode NFC (an {@code é} typed composed or decomposed is one character);</li>
 *     <li>white space (every Unicode White_Space character, no-break spaces included) trimmed at both
 *     ends, and any space inside written as a plain space U+0020;</li>
 *     <li>no invisible character: control (Cc), format (Cf: zero-width spaces and joiners, the byte
 *     order mark, bidirectional marks), line and paragraph separators (Zl, Zp), unpaired surrogates
 *     and code points that Unicode has not assigned are refused, so that two serials that look the
 *     same are the same serial;</li>
 *     <li>1 to {@value #MAX_LENGTH} characters (code points).</li>
 * </ul>
 * <b>The key</b> is a case folding that Java and PostgreSQL compute identically: lower case, then
 * upper case, then lower case again (so {@code ß}, {@code ẞ} and {@code SS} meet at {@code ss}),
 * with every final sigma {@code ς} as {@code σ}; ASCII folds as plain ASCII lower case. It never
 * depends on a database's collation or a server's locale.
 */
public record SerialNumber(String value) {

    public static final int MAX_LENGTH = 100;

    public SerialNumber {
        value = value == null ? null : canonical(value);
        Optional<String> problem = problemOfCanonical(value);
        if (problem.isPresent()) {
            throw new RuleViolation(ErrorCode.INVALID_SERIAL, problem.get(),
                    List.of(value == null ? "" : value));
        }
    }

    public static SerialNumber of(String raw) {
        return new SerialNumber(raw);
    }

    /**
     * Validates many raw serials at once and reports every bad one in a single error.
     */
    public static List<SerialNumber> allOf(Collection<String> raw) {
        List<SerialNumber> result = new ArrayList<>(raw.size());
        List<String> bad = new ArrayList<>();
        String firstProblem = null;
        for (String r : raw) {
            String canonical = r == null ? null : canonical(r);
            Optional<String> problem = problemOfCanonical(canonical);
            if (problem.isPresent()) {
                bad.add(r == null ? "" : r);
                if (firstProblem == null) {
                    firstProblem = problem.get();
                }
            } else {
                result.add(new SerialNumber(canonical));
            }
        }
        if (!bad.isEmpty()) {
            throw new RuleViolation(ErrorCode.INVALID_SERIAL,
                    bad.size() + " invalid serial number(s); first problem: " + firstProblem, bad);
        }
        return result;
    }

    /** Why a value (as typed) is not a serial number, if it is not one. */
    public static Optional<String> problemWith(String raw) {
        return problemOfCanonical(raw == null ? null : canonical(raw));
    }

    private static Optional<String> problemOfCanonical(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.of("a serial number must not be empty");
        }
        if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
            return Optional.of("a serial number must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            Optional<String> refused = refused(cp);
            if (refused.isPresent()) {
                return Optional.of("a serial number must not contain " + refused.get() + " (U+"
                        + String.format("%04X", cp) + " at position " + (s.codePointCount(0, i) + 1) + ")");
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /**
     * Why a character cannot be part of a serial, if it cannot (for rules that build serials from
     * parts, such as auto serial formats): the characters {@link #problemWith} refuses anywhere.
     */
    public static Optional<String> refusedCharacter(int cp) {
        return refused(cp);
    }

    private static Optional<String> refused(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL -> Optional.of("control characters");
            case Character.FORMAT -> Optional.of("invisible format characters");
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> Optional.of("line separators");
            case Character.SURROGATE -> Optional.of("unpaired surrogates");
            case Character.UNASSIGNED -> Optional.of("unassigned characters");
            default -> Optional.empty();
        };
    }

    /**
     * The canonical form of a value as typed: NFC, white space trimmed, inner spaces plain. Not
     * validated (see {@link #problemWith}); a lookup of any text uses this form.
     */
    public static String canonical(String raw) {
        String s = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        int start = 0;
        int end = s.length();
        while (start < end && isWhiteSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        StringBuilder b = null;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c != ' ' && Character.getType(c) == Character.SPACE_SEPARATOR) {
                if (b == null) {
                    b = new StringBuilder(s.substring(start, end));
                }
                b.setCharAt(i - start, ' ');
            }
        }
        return b != null ? b.toString() : (start == 0 && end == s.length() ? s : s.substring(start, end));
    }

    /** Unicode's White_Space property (all of it is in the Basic Multilingual Plane). */
    public static boolean isWhiteSpace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00A0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F'
                || c == '\u205F' || c == '\u3000';
    }

    /** The comparison key (see the class comment). */
    public String key() {
        return fold(value);
    }

    /** The comparison key of any text, in its canonical form first. */
    public static String keyOf(String serial) {
        return fold(canonical(serial));
    }

    private static String fold(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return s.toLowerCase(Locale.ROOT);
        }
        return s.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }

    @Override
    public String toString() {
        return value;
    }
}
