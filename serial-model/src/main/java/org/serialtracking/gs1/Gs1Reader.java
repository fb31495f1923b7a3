package org.serialtracking.gs1;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one scan into its elements and checks them. Every refusal names the 1-based position in the
 * scan as given (leading white space and symbology identifier included), because a clerk looking at
 * a 60-character DataMatrix content cannot guess which part is wrong.
 */
final class Gs1Reader {

    /** ASCII 29, how scanners transmit the FNC1 that ends a variable-length field. */
    static final char GS = '\u001d';

    /**
     * The symbology identifiers (ISO/IEC 15424) that announce GS1 element strings: GS1-128, GS1 DataBar
     * and composites, GS1 DataMatrix, GS1 QR Code, GS1 DotCode. Others ({@code ]Q1}, {@code ]d1}: plain
     * QR and DataMatrix) may still carry a Digital Link URI.
     */
    static final Set<String> GS1_SYMBOLOGIES = Set.of("C1", "e0", "e1", "e2", "d2", "Q3", "J1");

    /**
     * GS1 Digital Link primary keys and the path qualifiers each may take, as alternative sequences
     * whose order is fixed (GS1 Digital Link standard, URI syntax): /01/{gtin}/22/…/10/…/21/… or
     * /01/{gtin}/235/….
     */
    private static final Map<String, List<List<String>>> DIGITAL_LINK_KEYS = Map.ofEntries(
            Map.entry("00", List.of()),
            Map.entry("01", List.of(List.of("22", "10", "21"), List.of("235"))),
            Map.entry("253", List.of()),
            Map.entry("255", List.of()),
            Map.entry("401", List.of()),
            Map.entry("402", List.of()),
            Map.entry("414", List.of(List.of("254"), List.of("7040"))),
            Map.entry("415", List.of(List.of("8020"))),
            Map.entry("417", List.of(List.of("7040"))),
            Map.entry("8003", List.of()),
            Map.entry("8004", List.of(List.of("7040"))),
            Map.entry("8006", List.of(List.of("22", "10", "21"))),
            Map.entry("8010", List.of(List.of("8011"))),
            Map.entry("8013", List.of()),
            Map.entry("8017", List.of(List.of("8019"))),
            Map.entry("8018", List.of(List.of("8019"))));

    private static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
            + "abcdefghijklmnopqrstuvwxyz";
    private static final String CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CSET64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz=";

    /** A data field as read, not yet checked: {@code index[k]} is where its character k stands in the scan. */
    private record Field(Ai ai, int aiIndex, int valueIndex, String value, int[] index) {
    }

    /** Text taken from the scan, percent-decoded or unescaped, with where each character came from. */
    private record Piece(String text, int[] index, int from) {
    }

    private final String scan;
    private final int referenceYear;

    Gs1Reader(String scan, int referenceYear) {
        this.scan = scan;
        this.referenceYear = referenceYear;
    }

    Gs1Data read() {
        if (scan == null) {
            throw new RuleViolation(ErrorCode.INVALID_GS1, "position 1: the scan is empty", List.of(""));
        }
        int start = trimStart(scan);
        int end = trimEnd(scan, start);
        if (start == end) {
            throw refuse(0, "the scan is empty");
        }
        if (symbologyIdentifierAt(scan, start, end)) {
            start += 3;
        }
        List<Field> fields;
        if (httpAt(scan, start)) {
            fields = digitalLink(start, end);
        } else if (start < end && scan.charAt(start) == '(') {
            fields = parenthesised(start, end);
        } else {
            fields = elementString(start, end);
        }
        if (fields.isEmpty()) {
            throw refuse(start, "no GS1 data");
        }
        Map<String, Field> seen = new LinkedHashMap<>();
        for (Field f : fields) {
            check(f);
            Field first = seen.putIfAbsent(f.ai().code(), f);
            if (first != null && !first.value().equals(f.value())) {
                throw refuse(f.aiIndex(), "AI " + f.ai().label() + " appears twice with different values, '"
                        + first.value() + "' and '" + f.value() + "'");
            }
        }
        List<Gs1Element> elements = seen.values().stream()
                .map(f -> new Gs1Element(f.ai().code(), f.value(), f.aiIndex() + 1)).toList();
        Field gtin = seen.get("01");
        Field serial = seen.get("21");
        Field lot = seen.get("10");
        Field expiry = seen.get("17");
        return new Gs1Data(gtin == null ? null : new Gtin(gtin.value()), serial == null ? null : serial.value(),
                lot == null ? null : lot.value(), expiry == null ? null : date(expiry.value(), 0, true), elements);
    }

    // ---- the three forms

    /** FNC1-separated element string: predefined-length AIs run on, every other one ends at GS or the end. */
    private List<Field> elementString(int i, int end) {
        List<Field> fields = new ArrayList<>();
        while (i < end) {
            if (scan.charAt(i) == GS) {
                // FNC1 in first position, after a predefined-length field, or doubled: nothing to read
                i++;
                continue;
            }
            int aiIndex = i;
            Ai ai = aiAt(i, end);
            i += ai.code().length();
            int valueEnd;
            if (ai.predefinedLength()) {
                int n = ai.maxLength();
                int gs = indexOf(GS, i, Math.min(end, i + n));
                if (gs >= 0) {
                    throw refuse(aiIndex, "AI " + ai.label() + " has " + (gs - i) + " digits before a GS separator, "
                            + n + " expected");
                }
                if (i + n > end) {
                    throw refuse(aiIndex, "data ends inside AI " + ai.label() + ", " + n + " digits expected");
                }
                valueEnd = i + n;
            } else {
                int gs = indexOf(GS, i, end);
                valueEnd = gs < 0 ? end : gs;
            }
            fields.add(new Field(ai, aiIndex, i, scan.substring(i, valueEnd), range(i, valueEnd)));
            i = valueEnd;
        }
        return fields;
    }

    private Ai aiAt(int i, int end) {
        for (int k = i; k < Math.min(i + 2, end); k++) {
            if (!isDigit(scan.charAt(k))) {
                throw refuse(k, "expected an AI, found " + describe(scan, k));
            }
        }
        if (i + 2 > end) {
            throw refuse(i, "data ends inside an AI");
        }
        String prefix = scan.substring(i, i + 2);
        int length = Ai.lengthOfPrefix(prefix);
        if (length == 0) {
            throw refuse(i, "unknown AI (" + prefix + ")");
        }
        if (i + length > end) {
            throw refuse(i, "data ends inside an AI (" + scan.substring(i, end) + ")");
        }
        String code = scan.substring(i, i + length);
        Ai ai = Ai.byCode(code);
        if (ai == null) {
            throw refuse(i, "unknown AI (" + code + ")");
        }
        return ai;
    }

    /**
     * The text printed under a barcode: (01)09506000134352(21)SN-1. A field runs to the next
     * "(" + 2 to 4 digits + ")" or the end, so a serial that holds such a bracket must write its "(" as
     * "\(" (the convention of GS1's own syntax engine). Spaces around the brackets, as printed, are dropped.
     */
    private List<Field> parenthesised(int i, int end) {
        List<Field> fields = new ArrayList<>();
        while (i < end) {
            int close = aiBracketEnd(scan, i, end);
            if (close < 0) {
                throw refuse(i, "expected an AI in parentheses such as (01), found " + describe(scan, i));
            }
            String code = scan.substring(i + 1, close);
            Ai ai = Ai.byCode(code);
            if (ai == null) {
                throw refuse(i + 1, "unknown AI (" + code + ")");
            }
            int aiIndex = i + 1;
            i = close + 1;
            while (i < end && scan.charAt(i) == ' ') {
                i++;
            }
            int valueIndex = i;
            StringBuilder value = new StringBuilder();
            List<Integer> index = new ArrayList<>();
            while (i < end) {
                char c = scan.charAt(i);
                if (c == '\\' && i + 1 < end && scan.charAt(i + 1) == '(') {
                    value.append('(');
                    index.add(i + 1);
                    i += 2;
                    continue;
                }
                if (c == '(' && aiBracketEnd(scan, i, end) >= 0) {
                    break;
                }
                value.append(c);
                index.add(i);
                i++;
            }
            while (!value.isEmpty() && value.charAt(value.length() - 1) == ' ') {
                value.setLength(value.length() - 1);
                index.remove(index.size() - 1);
            }
            fields.add(new Field(ai, aiIndex, valueIndex, value.toString(),
                    index.stream().mapToInt(Integer::intValue).toArray()));
        }
        return fields;
    }

    /**
     * A GS1 Digital Link URI: any host and path prefix, then a primary key and its qualifiers as
     * /AI/value path segments, then more AIs as numeric query parameters (others, like linkType,
     * are the resolver's business and ignored).
     */
    private List<Field> digitalLink(int start, int end) {
        int hostStart = start + (scan.regionMatches(true, start, "https://", 0, 8) ? 8 : 7);
        int fragment = indexOf('#', hostStart, end);
        int uriEnd = fragment < 0 ? end : fragment;
        int query = indexOf('?', hostStart, uriEnd);
        int pathEnd = query < 0 ? uriEnd : query;
        int pathStart = indexOf('/', hostStart, pathEnd);
        if (pathStart < 0) {
            throw refuse(start, "the Digital Link URI has no path, so no GS1 primary key such as /01/{gtin}");
        }
        List<int[]> bounds = new ArrayList<>();
        for (int from = pathStart + 1; from <= pathEnd; ) {
            int slash = indexOf('/', from, pathEnd);
            int to = slash < 0 ? pathEnd : slash;
            bounds.add(new int[]{from, to});
            from = to + 1;
        }
        if (bounds.get(bounds.size() - 1)[0] == pathEnd) {
            bounds.remove(bounds.size() - 1);
        }
        List<Piece> segments = new ArrayList<>();
        for (int[] b : bounds) {
            segments.add(decode(b[0], b[1]));
        }
        int key = primaryKey(segments, pathStart);

        List<Field> fields = new ArrayList<>();
        for (int s = key; s < segments.size(); s += 2) {
            Piece aiSegment = segments.get(s);
            Piece value = segments.get(s + 1);
            Ai ai = Ai.byCode(aiSegment.text());
            if (s == key && ai.code().equals("01")) {
                value = gtin14(value);
            }
            fields.add(new Field(ai, aiSegment.from(), value.from(), value.text(), value.index()));
        }
        if (query >= 0) {
            for (int from = query + 1; from <= uriEnd; ) {
                int amp = indexOf('&', from, uriEnd);
                int to = amp < 0 ? uriEnd : amp;
                int eq = indexOf('=', from, to);
                Piece name = decode(from, eq < 0 ? to : eq);
                if (!name.text().isEmpty() && name.text().chars().allMatch(Gs1Reader::isDigit)) {
                    Ai ai = Ai.byCode(name.text());
                    if (ai == null) {
                        throw refuse(from, "unknown AI (" + name.text() + ")");
                    }
                    Piece value = eq < 0 ? new Piece("", new int[0], to) : decode(eq + 1, to);
                    fields.add(new Field(ai, from, value.from(), value.text(), value.index()));
                }
                from = to + 1;
            }
        }
        return fields;
    }

    /**
     * Which path segment holds the primary key: the first, from the left, that is a key AI and is
     * followed by nothing but its value and qualifier pairs in their order; what comes before it is the
     * host's own prefix, which may be anything (even a segment reading "01").
     */
    private int primaryKey(List<Piece> segments, int pathStart) {
        int n = segments.size();
        int lastKey = -1;
        for (int s = 0; s < n; s++) {
            List<List<String>> qualifiers = DIGITAL_LINK_KEYS.get(segments.get(s).text());
            if (qualifiers == null) {
                continue;
            }
            lastKey = s;
            if ((n - s) % 2 == 0 && fits(qualifierCodes(segments, s), qualifiers) < 0) {
                return s;
            }
        }
        if (lastKey < 0) {
            throw refuse(pathStart, "the Digital Link path has no GS1 primary key such as /01/{gtin}");
        }
        if ((n - lastKey) % 2 != 0) {
            Piece last = segments.get(n - 1);
            throw refuse(last.from(), "the Digital Link path ends with /" + last.text() + " and no value after it");
        }
        String keyAi = segments.get(lastKey).text();
        List<String> codes = qualifierCodes(segments, lastKey);
        int bad = fits(codes, DIGITAL_LINK_KEYS.get(keyAi));
        Piece at = segments.get(lastKey + 2 + 2 * bad);
        String allowed = DIGITAL_LINK_KEYS.get(keyAi).stream()
                .map(seq -> String.join(", ", seq) + (seq.size() > 1 ? " in this order" : ""))
                .collect(Collectors.joining(", or "));
        throw refuse(at.from(), (Ai.byCode(at.text()) == null ? "unknown AI (" + at.text() + ")"
                : "AI (" + at.text() + ") cannot stand there") + " in a Digital Link path: after (" + keyAi + ") come "
                + (allowed.isEmpty() ? "no other AIs" : allowed));
    }

    private static List<String> qualifierCodes(List<Piece> segments, int key) {
        List<String> codes = new ArrayList<>();
        for (int s = key + 2; s < segments.size(); s += 2) {
            codes.add(segments.get(s).text());
        }
        return codes;
    }

    /** -1 if the qualifiers follow one of the sequences in order, else the index of the first that does not. */
    private static int fits(List<String> codes, List<List<String>> sequences) {
        if (codes.isEmpty()) {
            return -1;
        }
        int best = 0;
        for (List<String> sequence : sequences) {
            int k = 0;
            int at = 0;
            while (k < codes.size()) {
                int found = sequence.subList(at, sequence.size()).indexOf(codes.get(k));
                if (found < 0) {
                    break;
                }
                at += found + 1;
                k++;
            }
            if (k == codes.size()) {
                return -1;
            }
            best = Math.max(best, k);
        }
        return best;
    }

    /** A Digital Link may carry a GTIN-8, -12 or -13 as such; AI (01) always has 14 digits. */
    private static Piece gtin14(Piece value) {
        int n = value.text().length();
        if ((n != 8 && n != 12 && n != 13) || !value.text().chars().allMatch(Gs1Reader::isDigit)) {
            return value;
        }
        int[] index = new int[14];
        Arrays.fill(index, 0, 14 - n, value.index()[0]);
        System.arraycopy(value.index(), 0, index, 14 - n, n);
        return new Piece("0".repeat(14 - n) + value.text(), index, value.from());
    }

    private Piece decode(int from, int to) {
        StringBuilder text = new StringBuilder();
        List<Integer> index = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (scan.charAt(i) != '%') {
                text.append(scan.charAt(i));
                index.add(i);
                i++;
                continue;
            }
            // a run of %XX is one UTF-8 sequence at most, so decode it whole
            int run = i;
            List<Byte> bytes = new ArrayList<>();
            while (i < to && scan.charAt(i) == '%') {
                if (i + 2 >= to || Character.digit(scan.charAt(i + 1), 16) < 0
                        || Character.digit(scan.charAt(i + 2), 16) < 0) {
                    throw refuse(i, "'%' is not followed by two hexadecimal digits");
                }
                bytes.add((byte) Integer.parseInt(scan.substring(i + 1, i + 3), 16));
                i += 3;
            }
            byte[] raw = new byte[bytes.size()];
            for (int k = 0; k < raw.length; k++) {
                raw[k] = bytes.get(k);
            }
            String decoded = new String(raw, StandardCharsets.UTF_8);
            for (int k = 0; k < decoded.length(); k++) {
                text.append(decoded.charAt(k));
                index.add(decoded.length() == raw.length ? run + 3 * k : run);
            }
        }
        return new Piece(text.toString(), index.stream().mapToInt(Integer::intValue).toArray(), from);
    }

    // ---- the checks every form shares

    private void check(Field f) {
        Ai ai = f.ai();
        String v = f.value();
        int n = v.length();
        String unit = ai.numeric() ? "digits" : "characters";
        if (n == 0) {
            throw refuse(f.valueIndex(), "AI " + ai.label() + " has no data");
        }
        if (ai.fixedLength() && n != ai.maxLength()) {
            throw refuse(f.valueIndex(), "AI " + ai.label() + " must be " + ai.maxLength() + " " + unit + " long, not " + n);
        }
        if (n > ai.maxLength()) {
            throw refuse(f.valueIndex(), "AI " + ai.label() + " is longer than " + ai.maxLength() + " " + unit);
        }
        if (n < ai.minLength()) {
            throw refuse(f.valueIndex(), "AI " + ai.label() + " is shorter than " + ai.minLength() + " " + unit);
        }
        List<int[]> spans = new ArrayList<>();
        int k = 0;
        for (Ai.Part part : ai.parts()) {
            if (k == n && part.optional()) {
                break;
            }
            int take = Math.min(n - k, part.max());
            if (take < part.min()) {
                throw refuse(f.valueIndex(), "AI " + ai.label() + " does not fit its format " + ai.displayFormat()
                        + " with " + n + " " + unit);
            }
            spans.add(new int[]{k, k + take});
            k += take;
        }
        for (int p = 0; p < spans.size(); p++) {
            Ai.Charset charset = ai.parts().get(p).charset();
            for (int c = spans.get(p)[0]; c < spans.get(p)[1]; c++) {
                if (!allowed(charset, v.charAt(c))) {
                    throw refuse(f.index()[c], "AI " + ai.label() + " may not contain " + describe(v, c) + ": "
                            + charsetName(charset));
                }
            }
        }
        for (int p = 0; p < spans.size(); p++) {
            int from = spans.get(p)[0];
            int to = spans.get(p)[1];
            switch (ai.parts().get(p).rule()) {
                case CSUM -> {
                    int expected = CheckDigits.mod10(v, from, to - 1);
                    if (v.charAt(to - 1) - '0' != expected) {
                        throw refuse(f.index()[from], "AI " + ai.label() + " check digit is " + v.charAt(to - 1)
                                + ", expected " + expected);
                    }
                }
                case YYMMD0, YYMMDD -> {
                    try {
                        date(v, from, ai.parts().get(p).rule() == Ai.Rule.YYMMD0);
                    } catch (DateProblem e) {
                        throw refuse(f.index()[from + e.offset], "AI " + ai.label() + " " + e.getMessage());
                    }
                }
                case HHMM -> {
                    int hours = Integer.parseInt(v.substring(from, from + 2));
                    int minutes = Integer.parseInt(v.substring(from + 2, from + 4));
                    if (hours > 23 || minutes > 59) {
                        throw refuse(f.index()[from], "AI " + ai.label() + " time " + v.substring(from, to)
                                + " is not a time of day (HHMM)");
                    }
                }
                case NONE -> {
                }
            }
        }
    }

    /** A YYMMDD date's problem, with the offset (2: month, 4: day) of the digits at fault. */
    private static final class DateProblem extends RuntimeException {
        final int offset;

        DateProblem(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    /**
     * The day {@code YYMMDD} at {@code v[from]} stands for, the century by the GS1 sliding window
     * ({@link #year}); {@code dayZero}: a day of 00 is the month's last day (expiry and the other
     * YYMMD0 dates), else it is refused.
     */
    private LocalDate date(String v, int from, boolean dayZero) {
        int year = year(Integer.parseInt(v.substring(from, from + 2)), referenceYear);
        int month = Integer.parseInt(v.substring(from + 2, from + 4));
        int day = Integer.parseInt(v.substring(from + 4, from + 6));
        if (month < 1 || month > 12) {
            throw new DateProblem(2, "month " + v.substring(from + 2, from + 4) + " is not a month");
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        if (day == 0) {
            if (!dayZero) {
                throw new DateProblem(4, "day 00 is not a day");
            }
            return yearMonth.atEndOfMonth();
        }
        if (day > yearMonth.lengthOfMonth()) {
            throw new DateProblem(4, "day " + day + " does not exist in " + yearMonth);
        }
        return yearMonth.atDay(day);
    }

    /**
     * The full year of a two-digit year: the one within 49 years before and 50 years after the
     * reference year (GS1 General Specifications, 7.12, determination of century in dates), so a
     * 2070 expiry read in 2025 is 2070, and a 1980 production date is 1980.
     */
    static int year(int yy, int referenceYear) {
        int century = referenceYear - Math.floorMod(referenceYear, 100);
        int difference = yy - Math.floorMod(referenceYear, 100);
        if (difference > 50) {
            century -= 100;
        } else if (difference < -49) {
            century += 100;
        }
        return century + yy;
    }

    private static boolean allowed(Ai.Charset charset, char c) {
        return switch (charset) {
            case N -> isDigit(c);
            case X -> CSET82.indexOf(c) >= 0;
            case Y -> CSET39.indexOf(c) >= 0;
            case Z -> CSET64.indexOf(c) >= 0;
        };
    }

    private static String charsetName(Ai.Charset charset) {
        return switch (charset) {
            case N -> "digits only";
            case X -> "not in GS1 character set 82 (letters A-Z a-z, digits and !\"%&'()*+,-./:;<=>?_)";
            case Y -> "not in GS1 character set 39 (upper case letters, digits and #-/)";
            case Z -> "not in GS1 character set 64 (letters, digits, - _ and =)";
        };
    }

    // ---- small helpers, also for Gs1.looksLikeGs1

    private RuleViolation refuse(int index, String reason) {
        return new RuleViolation(ErrorCode.INVALID_GS1, "position " + (index + 1) + ": " + reason, List.of(scan));
    }

    static int trimStart(String s) {
        int i = 0;
        while (i < s.length() && SerialNumber.isWhiteSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int trimEnd(String s, int start) {
        int end = s.length();
        while (end > start && SerialNumber.isWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** "]" + symbology letter + modifier character, as a scanner set to send them puts before the data. */
    static boolean symbologyIdentifierAt(String s, int i, int end) {
        return i + 3 <= end && s.charAt(i) == ']' && isAsciiLetter(s.charAt(i + 1))
                && (isDigit(s.charAt(i + 2)) || isAsciiLetter(s.charAt(i + 2)));
    }

    static boolean httpAt(String s, int i) {
        return s.regionMatches(true, i, "https://", 0, 8) || s.regionMatches(true, i, "http://", 0, 7);
    }

    /** Where the ")" of "(" + 2 to 4 digits + ")" starting at {@code i} is, or -1. */
    static int aiBracketEnd(String s, int i, int end) {
        if (i >= end || s.charAt(i) != '(') {
            return -1;
        }
        int k = i + 1;
        while (k < end && k - i <= 4 && isDigit(s.charAt(k))) {
            k++;
        }
        int digits = k - i - 1;
        return digits >= 2 && digits <= 4 && k < end && s.charAt(k) == ')' ? k : -1;
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (scan.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int[] range(int from, int to) {
        int[] index = new int[to - from];
        for (int i = 0; i < index.length; i++) {
            index[i] = from + i;
        }
        return index;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** A character as a message shows it: 'A', a space, 'é' (U+00E9), or U+001D for the invisible ones. */
    static String describe(String s, int i) {
        int cp = s.codePointAt(i);
        if (cp == ' ') {
            return "a space";
        }
        String code = String.format("U+%04X", cp);
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || !Character.isDefined(cp)
                || Character.isWhitespace(cp) || Character.getType(cp) == Character.SURROGATE) {
            return code;
        }
        return "'" + Character.toString(cp) + "'" + (cp < 0x80 ? "" : " (" + code + ")");
    }
}
