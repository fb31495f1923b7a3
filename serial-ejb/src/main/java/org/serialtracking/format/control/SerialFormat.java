package org.serialtracking.format.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;

import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An auto serial number format: plain text with tokens in double brackets and exactly one counter,
 * e.g. {@code ITEM-[[YEAR]][[MONTH]]-[[INCNUM,DAILY,4]]}. Parsing refuses a bad format with
 * INVALID_FORMAT and the 1-based position of the problem; a parsed format renders serials.
 * Pure: the moment and the counter value are given.
 */
public final class SerialFormat {

    /** Counters stay below 10^18, so a counter is at most 18 digits wide. */
    public static final long MAX_COUNTER = 999_999_999_999_999_999L;
    public static final int MAX_DIGITS = 18;
    public static final int MAX_FORMAT_LENGTH = 500;

    /** The tokens of the language; INCNUM is the counter, the others render the moment or the SKU. */
    enum Token {
        INCNUM(-1), DATE(10), YEAR(4), YY(2), MONTH(2), DAY(2), HOUR(2), MINUTE(2), SECOND(2), WEEK(2), DOY(3),
        SKU(-1);

        final int width;

        Token(int width) {
            this.width = width;
        }
    }

    /** A piece of a format: literal text, or a token (never the counter). */
    private record Part(String literal, Token token) {
        String render(String sku, ZonedDateTime now) {
            if (token == null) {
                return literal;
            }
            return switch (token) {
                case DATE -> String.format(Locale.ROOT, "%04d-%02d-%02d", now.getYear(), now.getMonthValue(), now.getDayOfMonth());
                case YEAR -> String.format(Locale.ROOT, "%04d", now.getYear());
                case YY -> String.format(Locale.ROOT, "%02d", now.getYear() % 100);
                case MONTH -> String.format(Locale.ROOT, "%02d", now.getMonthValue());
                case DAY -> String.format(Locale.ROOT, "%02d", now.getDayOfMonth());
                case HOUR -> String.format(Locale.ROOT, "%02d", now.getHour());
                case MINUTE -> String.format(Locale.ROOT, "%02d", now.getMinute());
                case SECOND -> String.format(Locale.ROOT, "%02d", now.getSecond());
                case WEEK -> String.format(Locale.ROOT, "%02d", now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case DOY -> String.format(Locale.ROOT, "%03d", now.getDayOfYear());
                case SKU -> sku;
                case INCNUM -> throw new IllegalStateException("the counter is rendered apart");
            };
        }

        int width(String sku) {
            if (token == null) {
                return literal.length();
            }
            return token == Token.SKU ? sku.length() : token.width;
        }
    }

    private final String text;
    private final List<Part> before;
    private final List<Part> after;
    private final Reset reset;
    private final int digits;
    private final long start;
    private final List<String> warnings;

    private SerialFormat(String text, List<Part> before, List<Part> after, Reset reset, int digits, long start) {
        this.text = text;
        this.before = before;
        this.after = after;
        this.reset = reset;
        this.digits = digits;
        this.start = start;
        this.warnings = Collections.unmodifiableList(warningsFor());
    }

    /**
     * Parses and checks a format.
     *
     * @param sku the item's SKU when known: the length limit is then checked exactly; without one, a
     *            format with [[SKU]] is checked with the SKU left out and a warning says so
     */
    public static SerialFormat parse(String text, String sku) {
        if (text == null || text.isEmpty()) {
            throw invalid("the format is empty: it needs a counter such as [[INCNUM,NONE,6]]");
        }
        if (text.length() > MAX_FORMAT_LENGTH) {
            throw invalid("the format is longer than " + MAX_FORMAT_LENGTH + " characters");
        }
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            throw invalid("the format starts or ends with white space, which a serial number cannot (position "
                    + (Character.isWhitespace(text.charAt(0)) ? 1 : text.length()) + ")");
        }
        List<Part> before = new ArrayList<>();
        List<Part> after = new ArrayList<>();
        Reset reset = null;
        int digits = 0;
        long start = 1;
        StringBuilder literal = new StringBuilder();
        // a character no serial may hold: reported once the structure is known to be right
        String unfit = null;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (text.startsWith("[[", i)) {
                int close = text.indexOf("]]", i + 2);
                int nested = text.indexOf("[[", i + 2);
                if (close < 0) {
                    throw invalid("unclosed '[[' at position " + (i + 1));
                }
                if (nested >= 0 && nested < close) {
                    throw invalid("'[[' inside a token at position " + (nested + 1));
                }
                flush(literal, reset == null ? before : after);
                String[] args = text.substring(i + 2, close).split(",", -1);
                String name = args[0].strip().toUpperCase(Locale.ROOT);
                Token token;
                try {
                    token = name.isEmpty() ? null : Token.valueOf(name);
                } catch (IllegalArgumentException e) {
                    token = null;
                }
                if (token == null) {
                    throw invalid((name.isEmpty() ? "empty token" : "unknown token '" + args[0].strip() + "'")
                            + " at position " + (i + 1) + "; known: INCNUM, DATE, YEAR, YY, MONTH, DAY, HOUR, "
                            + "MINUTE, SECOND, WEEK, DOY, SKU");
                }
                if (token == Token.INCNUM) {
                    if (reset != null) {
                        throw invalid("a second counter at position " + (i + 1) + ": a format has exactly one");
                    }
                    if (args.length < 3 || args.length > 4) {
                        throw invalid("the counter at position " + (i + 1)
                                + " needs [[INCNUM,reset,digits]] or [[INCNUM,reset,digits,start]]");
                    }
                    reset = reset(args[1].strip(), i + 1);
                    digits = number(args[2].strip(), "digits", 1, MAX_DIGITS, i + 1).intValue();
                    start = args.length == 4 ? number(args[3].strip(), "start", 0, MAX_COUNTER, i + 1) : 1;
                } else {
                    if (args.length > 1) {
                        throw invalid("token " + token + " at position " + (i + 1) + " takes no arguments");
                    }
                    (reset == null ? before : after).add(new Part(null, token));
                }
                i = close + 2;
            } else if (text.startsWith("]]", i)) {
                throw invalid("']]' without '[[' at position " + (i + 1));
            } else {
                int cp = text.codePointAt(i);
                if (Character.isISOControl(cp)) {
                    throw invalid("control character at position " + (i + 1));
                }
                if (unfit == null && SerialNumber.refusedCharacter(cp).isPresent()) {
                    unfit = "a serial number cannot hold " + SerialNumber.refusedCharacter(cp).get() + ": U+"
                            + String.format("%04X", cp) + " at position " + (i + 1);
                }
                literal.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        flush(literal, reset == null ? before : after);
        if (reset == null) {
            throw invalid("no counter: a format needs exactly one [[INCNUM,reset,digits,start]]");
        }
        if (unfit != null) {
            throw invalid(unfit);
        }
        SerialFormat format = new SerialFormat(text, List.copyOf(before), List.copyOf(after), reset, digits, start);
        if (sku != null && format.usesSku()) {
            for (int k = 0; k < sku.length(); ) {
                int cp = sku.codePointAt(k);
                SerialNumber.refusedCharacter(cp).ifPresent(problem -> {
                    throw invalid("[[SKU]] cannot be used: the item's SKU holds " + problem + " (U+"
                            + String.format("%04X", cp) + "), which a serial number cannot");
                });
                k += Character.charCount(cp);
            }
        }
        int longest = format.maxLength(sku == null ? "" : sku);
        if (longest > SerialNumber.MAX_LENGTH) {
            throw invalid("a serial of this format could be " + longest + " characters long, over the "
                    + SerialNumber.MAX_LENGTH + "-character limit");
        }
        return format;
    }

    public Reset reset() {
        return reset;
    }

    public int digits() {
        return digits;
    }

    public long start() {
        return start;
    }

    public String text() {
        return text;
    }

    /** Formats that would repeat numbers, and other things worth knowing. */
    public List<String> warnings() {
        return warnings;
    }

    public boolean usesSku() {
        return before.stream().anyMatch(p -> p.token() == Token.SKU) || after.stream().anyMatch(p -> p.token() == Token.SKU);
    }

    /**
     * The counter's key besides the item: the rendered text around the counter. A date in the
     * text thus starts a fresh count by itself.
     */
    public String context(String sku, ZonedDateTime now) {
        return render(before, sku, now) + "[[#]]" + render(after, sku, now);
    }

    public String period(ZonedDateTime now) {
        return reset.period(now);
    }

    /** The serial for counter value {@code n}; a value wider than {@code digits} is written in full. */
    public String render(String sku, ZonedDateTime now, long n) {
        String number = Long.toString(n);
        StringBuilder b = new StringBuilder(render(before, sku, now));
        for (int i = number.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(number).append(render(after, sku, now)).toString();
    }

    /** The longest serial this format can render for an item with this SKU. */
    public int maxLength(String sku) {
        int width = MAX_DIGITS;
        for (Part p : before) {
            width += p.width(sku);
        }
        for (Part p : after) {
            width += p.width(sku);
        }
        return width;
    }

    private List<String> warningsFor() {
        List<String> result = new ArrayList<>();
        Set<Token> tokens = EnumSet.noneOf(Token.class);
        before.forEach(p -> {
            if (p.token() != null) {
                tokens.add(p.token());
            }
        });
        after.forEach(p -> {
            if (p.token() != null) {
                tokens.add(p.token());
            }
        });
        boolean year = tokens.contains(Token.DATE) || tokens.contains(Token.YEAR) || tokens.contains(Token.YY);
        boolean month = tokens.contains(Token.DATE) || (year && tokens.contains(Token.MONTH));
        boolean day = tokens.contains(Token.DATE) || (month && tokens.contains(Token.DAY))
                || (year && tokens.contains(Token.DOY));
        boolean shown = switch (reset) {
            case NONE -> true;
            case YEARLY -> year;
            case MONTHLY -> month;
            case DAILY -> day;
        };
        if (!shown) {
            result.add("the counter resets " + reset.name().toLowerCase(Locale.ROOT) + " but the text does not show the "
                    + switch (reset) {
                        case DAILY -> "full date";
                        case MONTHLY -> "year and month";
                        default -> "year";
                    } + ", so numbers repeat from one period to the next: serials that already exist are skipped");
        }
        if (usesSku()) {
            result.add("the length of a serial depends on the item's SKU");
        }
        return result;
    }

    private static String render(List<Part> parts, String sku, ZonedDateTime now) {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            b.append(p.render(sku, now));
        }
        return b.toString();
    }

    private static void flush(StringBuilder literal, List<Part> into) {
        if (!literal.isEmpty()) {
            into.add(new Part(literal.toString(), null));
            literal.setLength(0);
        }
    }

    private static Reset reset(String raw, int position) {
        String name = raw.toUpperCase(Locale.ROOT);
        for (Reset r : Reset.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw invalid("unknown reset cycle '" + raw + "' in the counter at position " + position
                + "; use NONE, DAILY, MONTHLY or YEARLY");
    }

    private static Long number(String raw, String what, long min, long max, int position) {
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw invalid(what + " '" + raw + "' in the counter at position " + position + " is not a whole number");
        }
        if (value < min || value > max) {
            throw invalid(what + " " + value + " in the counter at position " + position + " is out of range ("
                    + min + " to " + max + ")");
        }
        return value;
    }

    private static RuleViolation invalid(String detail) {
        return new RuleViolation(ErrorCode.INVALID_FORMAT, "Invalid format: " + detail);
    }

    @Override
    public String toString() {
        return text;
    }
}
