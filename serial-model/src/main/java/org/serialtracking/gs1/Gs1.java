package org.serialtracking.gs1;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reading GS1 barcodes: the one entry point for a scan that may carry a GTIN, serial, lot and expiry.
 * <p>
 * {@link #parse} accepts the three ways a GS1 scan reaches us, with the same result:
 * <ul>
 *     <li>an <b>element string</b> as a GS1 DataMatrix, GS1-128 or GS1 QR scanner sends it: AIs and their
 *     data, each variable-length field ended by FNC1 transmitted as GS (ASCII 29); optionally after a
 *     symbology identifier ({@code ]d2}, {@code ]C1}, {@code ]Q3}, {@code ]e0}, …) and a leading GS;</li>
 *     <li>the <b>human-readable text</b> printed under the code, AIs in parentheses:
 *     {@code (01)09506000134352(21)SN-0001(10)LOT42(17)271231};</li>
 *     <li>a <b>GS1 Digital Link URI</b> ({@code http} or {@code https}, any host and path prefix):
 *     {@code https://id.example.com/01/09506000134352/10/LOT42/21/SN-0001?17=271231}.</li>
 * </ul>
 * Every AI's length, character set and check digit is verified, dates must be real dates, and an AI given
 * twice must say the same thing twice; anything else is refused with {@code INVALID_GS1} and a message
 * naming the 1-based position in the scan and the reason ("position 19: AI (21) is longer than 20
 * characters").
 * <p>
 * <b>A plain serial is never read as GS1 by accident.</b> A serial such as {@code 10012345} or
 * {@code 21000017} reads as a valid element string, so a screen must not parse every scan: it parses
 * only what {@link #looksLikeGs1} accepts, which is a scan that
 * <ol>
 *     <li>starts with a GS1 symbology identifier ({@code ]C1 ]e0 ]e1 ]e2 ]d2 ]Q3 ]J1}); or</li>
 *     <li>holds a GS character (FNC1), which no serial may hold; or</li>
 *     <li>starts with "(" followed by 2 to 4 digits and ")"; or</li>
 *     <li>is an {@code http://} or {@code https://} URI whose path has a segment {@code 01} followed by
 *     another segment; or</li>
 *     <li>is an element string with nothing else to mark it: {@code 01}, 14 digits whose last is their
 *     GS1 check digit, then more, starting with a known AI.</li>
 * </ol>
 * White space around the scan is ignored; another symbology identifier ({@code ]Q1}, {@code ]C0}) is
 * skipped and the rules apply to the rest. Anything else ({@code 12345678}, {@code SN-0001},
 * {@code 0112345678}, {@code 01} + 14 digits with a wrong check digit) is not GS1 and stays a serial:
 * a plain serial that happens to look like an AI is a serial. A scan that passes this test but does not
 * parse is refused, not taken as a serial, because it was meant as GS1.
 */
public final class Gs1 {

    private Gs1() {
    }

    /** The GS1 data in a scan, with two-digit years read around today's year; see the class comment. */
    public static Gs1Data parse(String scan) {
        return parse(scan, Clock.systemUTC());
    }

    /**
     * The GS1 data in a scan; two-digit years are read within 49 years before and 50 after the clock's
     * year (GS1 General Specifications 7.12).
     *
     * @throws org.serialtracking.common.RuleViolation INVALID_GS1, naming the position and the reason
     */
    public static Gs1Data parse(String scan, Clock clock) {
        return new Gs1Reader(scan, LocalDate.now(clock).getYear()).read();
    }

    /** The GS1 data in a scan if {@link #looksLikeGs1} says it is GS1, else empty: the scan is a plain serial. */
    public static Optional<Gs1Data> parseIfGs1(String scan) {
        return parseIfGs1(scan, Clock.systemUTC());
    }

    /**
     * As {@link #parseIfGs1(String)}, with the clock that places two-digit years.
     *
     * @throws org.serialtracking.common.RuleViolation INVALID_GS1 when the scan looks like GS1 but is not valid
     */
    public static Optional<Gs1Data> parseIfGs1(String scan, Clock clock) {
        return looksLikeGs1(scan) ? Optional.of(parse(scan, clock)) : Optional.empty();
    }

    /** Whether a scan is meant as GS1 (see the class comment for the rule); it says nothing of its validity. */
    public static boolean looksLikeGs1(String scan) {
        if (scan == null) {
            return false;
        }
        int start = Gs1Reader.trimStart(scan);
        int end = Gs1Reader.trimEnd(scan, start);
        if (Gs1Reader.symbologyIdentifierAt(scan, start, end)) {
            if (Gs1Reader.GS1_SYMBOLOGIES.contains(scan.substring(start + 1, start + 3))) {
                return true;
            }
            start += 3;
        }
        String s = scan.substring(start, end);
        return s.indexOf(Gs1Reader.GS) >= 0
                || Gs1Reader.aiBracketEnd(s, 0, s.length()) >= 0
                || (Gs1Reader.httpAt(s, 0) && hasGtinPathSegment(s))
                || startsWithGtinAndMore(s);
    }

    private static boolean hasGtinPathSegment(String uri) {
        int host = uri.indexOf("//") + 2;
        int end = uri.length();
        for (char stop : new char[]{'?', '#'}) {
            int at = uri.indexOf(stop, host);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String[] segments = uri.substring(host, end).split("/", -1);
        // segments[0] is the host
        for (int i = 1; i < segments.length - 1; i++) {
            if (segments[i].equals("01") && !segments[i + 1].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithGtinAndMore(String s) {
        if (s.length() < 18 || !s.startsWith("01")) {
            return false;
        }
        for (int i = 2; i < 16; i++) {
            if (!Gs1Reader.isDigit(s.charAt(i))) {
                return false;
            }
        }
        if (!CheckDigits.valid(s, 2, 16)) {
            return false;
        }
        int length = Ai.lengthOfPrefix(s.substring(16, 18));
        return length > 0 && s.length() >= 16 + length && Ai.byCode(s.substring(16, 16 + length)) != null;
    }
}
