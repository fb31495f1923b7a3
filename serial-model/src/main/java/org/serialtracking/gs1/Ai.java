package org.serialtracking.gs1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GS1 Application Identifier: its digits and the format of its data field, as a sequence of
 * parts (a numeric or alphanumeric run of fixed or bounded length, some with a check digit or a date
 * to verify, the last possibly optional).
 * <p>
 * The table follows the AI table of the GS1 General Specifications, read in the machine readable form
 * GS1 publishes as the GS1 Barcode Syntax Dictionary (github.com/gs1/gs1-syntax-dictionary). The parser checks structure:
 * length, character set, check digits, dates and times. It does not check code lists (country and
 * currency codes) nor which AIs must or may not appear together: a clerk's scan is read, not audited.
 */
record Ai(String code, List<Part> parts, String format) {

    /** What a part's characters may be. */
    enum Charset {
        /** Digits. */
        N,
        /** The GS1 AI encodable character set 82. */
        X,
        /** The GS1 AI encodable character set 39 (upper case, digits, {@code #-/}). */
        Y,
        /** The file-safe base64 set (GS1 character set 64), with {@code =} padding. */
        Z
    }

    /** What else a part's value must satisfy. */
    enum Rule {
        NONE,
        /** The last digit is the GS1 mod-10 check digit of the others. */
        CSUM,
        /** YYMMDD, where a day of 00 means the last day of the month. */
        YYMMD0,
        /** YYMMDD, a real day. */
        YYMMDD,
        /** HHMM, a time of day. */
        HHMM
    }

    record Part(Charset charset, int min, int max, boolean optional, Rule rule) {
    }

    /**
     * The first two digits of the AIs whose length is predefined by GS1 (the General Specifications'
     * table of element strings with predefined length): no FNC1 follows them. The list is fixed for good, independently of the AIs that
     * exist, so that old decoders never lose their step; every other AI ends at FNC1 or at the end.
     */
    private static final Set<String> PREDEFINED = Set.of("00", "01", "02", "03", "04", "11", "12", "13", "14",
            "15", "16", "17", "18", "19", "20", "31", "32", "33", "34", "35", "36", "41");

    /*
     * AI or range of AIs, then the parts of its data field: N digits, X character set 82, Y character set
     * 39, Z character set 64; "4" exactly 4, "..20" 1 to 20; [optional last part]; ":rule" as Rule.
     * The measures 31nn-36nn are added below: too many to list.
     */
    private static final String TABLE = """
            00          N18:csum
            01          N14:csum
            02          N14:csum
            10          X..20
            11-13       N6:yymmd0
            15-17       N6:yymmd0
            20          N2
            21          X..20
            22          X..20
            235         X..28
            240         X..30
            241         X..30
            242         N..6
            243         X..20
            250         X..30
            251         X..30
            253         N13:csum [X..17]
            254         X..20
            255         N13:csum [N..12]
            30          N..8
            37          N..8
            3900-3909   N..15
            3910-3919   N3 N..15
            3920-3929   N..15
            3930-3939   N3 N..15
            3940-3943   N4
            3950-3955   N6
            400         X..30
            401         X..30
            402         N17:csum
            403         X..30
            410-417     N13:csum
            420         X..20
            421         N3 X..9
            422         N3
            423         N3 [N..12]
            424         N3
            425         N3 [N..12]
            426         N3
            427         X..3
            4300-4301   X..35
            4302-4306   X..70
            4307        X2
            4308        X..30
            4309        N10 N10
            4310-4311   X..35
            4312-4316   X..70
            4317        X2
            4318        X..20
            4319        X..30
            4320        X..35
            4321-4323   N1
            4324-4325   N6:yymmd0 N4:hhmm
            4326        N6:yymmdd
            4330-4333   N6 [X1]
            7001        N13
            7002        X..30
            7003        N6:yymmdd N4:hhmm
            7004        N..4
            7005        X..12
            7006        N6:yymmdd
            7007        N6:yymmdd [N6:yymmdd]
            7008        X..3
            7009        X..10
            7010        X..2
            7011        N6:yymmdd [N4:hhmm]
            7020-7022   X..20
            7023        X..30
            7030-7039   N3 X..27
            7040        N1 X1 X1 X1
            710-715     X..20
            7230-7239   X2 X..28
            7240        X..20
            7241        N2
            7242        X..25
            8001        N4 N5 N3 N1 N1
            8002        X..20
            8003        N1 N13:csum [X..16]
            8004        X..30
            8005        N6
            8006        N14:csum N4
            8007        X..34
            8008        N8 [N..4]
            8009        X..50
            8010        Y..30
            8011        N..12
            8012        X..20
            8013        X..25
            8017-8018   N18:csum
            8019        N..10
            8020        X..25
            8026        N14:csum N4
            8030        Z..90
            8110        X..70
            8111        N4
            8112        X..70
            8200        X..70
            90          X..30
            91-99       X..90
            """;

    private static final Pattern PART = Pattern.compile("(\\[)?([NXYZ])(\\.\\.)?(\\d+)(?::(\\w+))?(])?");

    private static final Map<String, Ai> BY_CODE = new HashMap<>();

    /** The length of the AIs that start with a two-digit prefix; GS1 keeps it one length per prefix. */
    private static final Map<String, Integer> LENGTH_BY_PREFIX = new HashMap<>();

    static {
        for (String line : TABLE.strip().split("\n")) {
            String[] columns = line.strip().split("\\s+", 2);
            String[] range = columns[0].split("-");
            int first = Integer.parseInt(range[0]);
            int last = Integer.parseInt(range[range.length - 1]);
            for (int code = first; code <= last; code++) {
                add(String.format("%0" + range[0].length() + "d", code), columns[1]);
            }
        }
        // net and logistic measures: 310-316, 320-329, 330-337, 340-349, 350-357, 360-369, then
        // the decimal point position 0 to 5
        int[][] measures = {{310, 316}, {320, 329}, {330, 337}, {340, 349}, {350, 357}, {360, 369}};
        for (int[] m : measures) {
            for (int code = m[0]; code <= m[1]; code++) {
                for (int decimals = 0; decimals <= 5; decimals++) {
                    add(code + "" + decimals, "N6");
                }
            }
        }
    }

    private static void add(String code, String format) {
        List<Part> parts = new ArrayList<>();
        for (String token : format.split(" ")) {
            Matcher m = PART.matcher(token);
            if (!m.matches()) {
                throw new IllegalStateException("AI " + code + ": bad format " + format);
            }
            int length = Integer.parseInt(m.group(4));
            parts.add(new Part(Charset.valueOf(m.group(2)), m.group(3) == null ? length : 1, length,
                    m.group(1) != null, m.group(5) == null ? Rule.NONE : Rule.valueOf(m.group(5).toUpperCase())));
        }
        Ai ai = new Ai(code, List.copyOf(parts), format);
        if (BY_CODE.put(code, ai) != null) {
            throw new IllegalStateException("AI " + code + " twice");
        }
        Integer before = LENGTH_BY_PREFIX.put(code.substring(0, 2), code.length());
        if (before != null && before != code.length()) {
            throw new IllegalStateException("AIs starting " + code.substring(0, 2) + " of two lengths");
        }
    }

    /** The AI with these digits, or null. */
    static Ai byCode(String code) {
        return BY_CODE.get(code);
    }

    /** Every known AI's digits. */
    static Set<String> codes() {
        return BY_CODE.keySet();
    }

    /**
     * How many digits an AI starting with these two digits has, or 0 if none does. GS1 assigns AIs so
     * that the first two digits fix the length, which is what makes an element string readable without
     * brackets.
     */
    static int lengthOfPrefix(String twoDigits) {
        return LENGTH_BY_PREFIX.getOrDefault(twoDigits, 0);
    }

    /** Whether no FNC1 follows this AI's data, which then has exactly {@link #maxLength()} digits. */
    boolean predefinedLength() {
        return PREDEFINED.contains(code.substring(0, 2));
    }

    int minLength() {
        return parts.stream().filter(p -> !p.optional()).mapToInt(Part::min).sum();
    }

    int maxLength() {
        return parts.stream().mapToInt(Part::max).sum();
    }

    boolean fixedLength() {
        return minLength() == maxLength();
    }

    boolean numeric() {
        return parts.stream().allMatch(p -> p.charset() == Charset.N);
    }

    /** The format as the GS1 General Specifications write it, for messages: "N6+[N6]". */
    String displayFormat() {
        return format.replaceAll(":\\w+", "").replace(' ', '+');
    }

    /** "(21)": how messages name an AI. */
    String label() {
        return "(" + code + ")";
    }

    @Override
    public String toString() {
        return code + " " + format + " " + Arrays.toString(parts.toArray());
    }
}
