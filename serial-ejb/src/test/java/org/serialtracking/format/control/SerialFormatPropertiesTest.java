package org.serialtracking.format.control;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties of the auto serial number format language ({@link SerialFormat}), checked with jqwik
 * against generated formats, SKUs, moments and counter values. The well-formed formats are generated
 * together with a model of what they must render, so a property can say exactly which serial a
 * format gives and where a refusal must point.
 */
@StatisticsReport(onFailureOnly = true)
class SerialFormatPropertiesTest {

    static final long MAX = SerialFormat.MAX_COUNTER;

    static final List<String> PLAIN_TOKENS =
            List.of("YEAR", "DATE", "YY", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "WEEK", "DOY", "SKU");

    static final List<String> ALL_TOKENS =
            Stream.concat(Stream.of("INCNUM"), PLAIN_TOKENS.stream()).collect(Collectors.toUnmodifiableList());

    // ------------------------------------------------------------------------------------------
    // Robustness: any text at all is a format or an INVALID_FORMAT refusal
    // ------------------------------------------------------------------------------------------

    @Property(tries = 2000)
    void anyTextIsEitherAFormatOrRefusedAsAnInvalidFormat(@ForAll("hostileTexts") String text,
                                                          @ForAll("anySkus") String sku) {
        Statistics.label("outcome").coverage(c -> c.check("accepted").count(n -> n > 0));
        SerialFormat format;
        try {
            format = SerialFormat.parse(text, sku);
        } catch (RuleViolation refused) {
            Statistics.label("outcome").collect("refused");
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FORMAT);
            assertThat(refused.getMessage()).startsWith("Invalid format: ");
            return;
        }
        // any other exception escapes and fails the property with its type and the shrunk input
        Statistics.label("outcome").collect("accepted");
        assertThat(format).isNotNull();
        assertThat(format.text()).isEqualTo(text);
        assertThat(format.reset()).isNotNull();
        assertThat(format.digits()).isBetween(1, SerialFormat.MAX_DIGITS);
        assertThat(format.start()).isBetween(0L, MAX);
        assertThat(format.maxLength(sku == null ? "" : sku)).isLessThanOrEqualTo(SerialNumber.MAX_LENGTH);
    }

    // ------------------------------------------------------------------------------------------
    // Every accepted format renders valid serials
    // ------------------------------------------------------------------------------------------

    @Property(tries = 1500)
    void everyAcceptedFormatRendersValidSerialsWithinItsMaxLength(@ForAll("formatTexts") String text,
                                                                  @ForAll("skus") String sku,
                                                                  @ForAll("moments") ZonedDateTime now,
                                                                  @ForAll @LongRange(min = 0, max = MAX) long raw) {
        Statistics.label("parse").coverage(c -> c.check("accepted").percentage(p -> p > 40));
        SerialFormat format;
        try {
            format = SerialFormat.parse(text, sku);
        } catch (RuleViolation refused) {
            Statistics.label("parse").collect("refused");
            return;
        }
        Statistics.label("parse").collect("accepted");
        int longest = format.maxLength(sku);
        assertThat(longest).isLessThanOrEqualTo(SerialNumber.MAX_LENGTH);
        for (long n : new long[]{counterValue(format.start(), raw), format.start(), MAX}) {
            String serial = format.render(sku, now, n);
            assertValidSerial(serial);
            assertThat(serial.length()).as("length of %s", serial).isLessThanOrEqualTo(longest);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Well-formed formats: accepted, rendered exactly as the model says
    // ------------------------------------------------------------------------------------------

    @Property(tries = 1000)
    void wellFormedFormatsAreAcceptedAndRenderTheCounterZeroPadded(@ForAll("wellFormedFormats") Spec spec,
                                                                  @ForAll("skus") String sku,
                                                                  @ForAll("moments") ZonedDateTime now,
                                                                  @ForAll @LongRange(min = 0, max = MAX) long raw) {
        Statistics.label("model").coverage(c -> c.check("accepted").percentage(p -> p > 50));
        int longest = spec.maxLength(sku);
        if (longest > SerialNumber.MAX_LENGTH) {
            Statistics.label("model").collect("longer than 100");
            assertRefused(() -> SerialFormat.parse(spec.text(), sku),
                    "could be " + longest + " characters long");
            return;
        }
        Statistics.label("model").collect("accepted");
        Counter counter = spec.counter();
        SerialFormat format = SerialFormat.parse(spec.text(), sku);
        assertThat(format.reset()).isEqualTo(counter.reset());
        assertThat(format.digits()).isEqualTo(counter.digits());
        assertThat(format.start()).isEqualTo(counter.start());
        assertThat(format.maxLength(sku)).isEqualTo(longest);
        assertThat(format.usesSku()).isEqualTo(spec.pieces().stream()
                .anyMatch(p -> p instanceof Tok t && t.name().equals("SKU")));

        long n = counterValue(counter.start(), raw);
        String padded = pad(n, counter.digits());
        String serial = format.render(sku, now, n);
        assertThat(serial).contains(padded);
        assertThat(serial).isEqualTo(spec.render(sku, now, n));
        assertThat(serial.length()).isEqualTo(longest - SerialFormat.MAX_DIGITS + padded.length());
        assertValidSerial(serial);
    }

    @Property(tries = 500)
    void distinctCounterValuesGiveDistinctSerialsWithinOneContextAndPeriod(
            @ForAll("acceptedSpecs") SpecAndSku item,
            @ForAll("moments") ZonedDateTime now,
            @ForAll @Size(min = 2, max = 40) List<@LongRange(min = 0, max = MAX) Long> raws,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 86_399) Integer> secondsOfDay) {
        SerialFormat format = SerialFormat.parse(item.spec().text(), item.sku());
        String sku = item.sku();
        String context = format.context(sku, now);
        String period = format.period(now);

        List<Long> values = new ArrayList<>();
        raws.forEach(r -> values.add(counterValue(format.start(), r)));
        long from = counterValue(format.start(), raws.get(0));
        for (long k = 1; k <= 20 && from + k <= MAX; k++) {
            values.add(from + k); // a run of consecutive values, across a change of width too
        }
        Map<String, Long> seen = new HashMap<>();
        int compared = 0;
        for (int i = 0; i < values.size(); i++) {
            ZonedDateTime moment = now.with(LocalTime.ofSecondOfDay(secondsOfDay.get(i % secondsOfDay.size())));
            if (!format.context(sku, moment).equals(context) || !format.period(moment).equals(period)) {
                continue; // another counter: numbers may repeat there
            }
            compared++;
            long n = values.get(i);
            String serial = format.render(sku, moment, n);
            Long before = seen.putIfAbsent(serial.toLowerCase(Locale.ROOT), n);
            assertThat(before).as("%s is rendered for counter values %s and %s", serial, before, n)
                    .isIn(null, n);
        }
        Statistics.label("serials compared").collect(compared < 10 ? "< 10" : ">= 10");
    }

    /**
     * The digits of a serial must not depend on the server's default locale: a serial is an identifier.
     */
    @Property(tries = 200)
    void renderingDoesNotDependOnTheDefaultLocale(@ForAll("acceptedSpecs") SpecAndSku item,
                                                 @ForAll("moments") ZonedDateTime now,
                                                 @ForAll("locales") Locale locale,
                                                 @ForAll @LongRange(min = 0, max = MAX) long raw) {
        long n = counterValue(item.spec().counter().start(), raw);
        String expected = item.spec().render(item.sku(), now, n);
        Locale saved = Locale.getDefault();
        Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
        Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
        String rendered;
        try {
            Locale.setDefault(locale);
            rendered = SerialFormat.parse(item.spec().text(), item.sku()).render(item.sku(), now, n);
        } finally {
            Locale.setDefault(saved);
            Locale.setDefault(Locale.Category.FORMAT, savedFormat);
            Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
        }
        assertThat(rendered).as("rendered with default locale %s", locale.toLanguageTag()).isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------
    // Refusals, at the position of the problem
    // ------------------------------------------------------------------------------------------

    @Property
    void formatsWithoutACounterAreRefused(@ForAll("formatsWithoutCounter") Spec spec, @ForAll("skus") String sku) {
        assertRefused(() -> SerialFormat.parse(spec.text(), sku), "no counter");
    }

    @Property
    void aSecondCounterIsRefusedAtItsPosition(@ForAll("formatsWithTwoCounters") Spec spec, @ForAll("skus") String sku) {
        int second = spec.indexOfCounter(1);
        assertRefusedAt(spec.text(), sku, spec.offsetOf(second) + 1, "a second counter");
    }

    @Property
    void unknownTokensAreRefusedAtTheirPosition(@ForAll("wellFormedFormats") Spec spec,
                                                @ForAll("unknownTokenNames") String name,
                                                @ForAll("tokenArgumentsOrNone") String arguments,
                                                @ForAll @IntRange(min = 0, max = 20) int gap,
                                                @ForAll("skus") String sku) {
        int at = gap % (spec.pieces().size() + 1);
        Spec bad = spec.insert(at, new Raw("[[" + name + arguments + "]]"));
        String problem = name.strip().isEmpty() ? "empty token" : "unknown token '" + name.strip() + "'";
        assertRefusedAt(bad.text(), sku, bad.offsetOf(at) + 1, problem);
    }

    @Property
    void unknownResetCyclesAreRefusedAtTheCounter(@ForAll("formatsWithoutCounter") Spec spec,
                                                  @ForAll("badResets") String reset,
                                                  @ForAll @IntRange(min = 1, max = 18) int digits,
                                                  @ForAll @IntRange(min = 0, max = 20) int gap,
                                                  @ForAll("skus") String sku) {
        int at = gap % (spec.pieces().size() + 1);
        Spec bad = spec.insert(at, new Raw("[[INCNUM," + reset + "," + digits + "]]"));
        assertRefusedAt(bad.text(), sku, bad.offsetOf(at) + 1, "unknown reset cycle '" + reset.strip() + "'");
    }

    @Property
    void digitsOutsideOneToEighteenAreRefusedAtTheCounter(@ForAll("formatsWithoutCounter") Spec spec,
                                                          @ForAll("resets") String reset,
                                                          @ForAll("badDigits") String digits,
                                                          @ForAll("startsOrNone") String start,
                                                          @ForAll @IntRange(min = 0, max = 20) int gap,
                                                          @ForAll("skus") String sku) {
        int at = gap % (spec.pieces().size() + 1);
        Spec bad = spec.insert(at, new Raw("[[INCNUM," + reset + "," + digits + start + "]]"));
        assertRefusedAt(bad.text(), sku, bad.offsetOf(at) + 1, "digits ");
    }

    @Property
    void negativeOrHugeOrNonNumericStartsAreRefusedAtTheCounter(@ForAll("formatsWithoutCounter") Spec spec,
                                                                @ForAll("resets") String reset,
                                                                @ForAll @IntRange(min = 1, max = 18) int digits,
                                                                @ForAll("badStarts") String start,
                                                                @ForAll @IntRange(min = 0, max = 20) int gap,
                                                                @ForAll("skus") String sku) {
        int at = gap % (spec.pieces().size() + 1);
        Spec bad = spec.insert(at, new Raw("[[INCNUM," + reset + "," + digits + "," + start + "]]"));
        assertRefusedAt(bad.text(), sku, bad.offsetOf(at) + 1, "start ");
    }

    @Property
    void tokensWithTheWrongNumberOfArgumentsAreRefusedAtTheirPosition(
            @ForAll("formatsWithoutCounter") Spec spec,
            @ForAll("wrongArity") String token,
            @ForAll @IntRange(min = 0, max = 20) int gap,
            @ForAll("skus") String sku) {
        int at = gap % (spec.pieces().size() + 1);
        Spec bad = spec.insert(at, new Raw(token));
        String problem = token.toUpperCase(Locale.ROOT).startsWith("[[INCNUM") ? "needs [[INCNUM,reset,digits]]" : "takes no arguments";
        assertRefusedAt(bad.text(), sku, bad.offsetOf(at) + 1, problem);
    }

    enum Breakage { STRAY_CLOSE, UNCLOSED, NESTED, CONTROL_CHARACTER, LEADING_WHITE_SPACE, TRAILING_WHITE_SPACE }

    @Property(tries = 1000)
    void brokenBracketsControlCharactersAndOuterWhiteSpaceAreRefusedAtTheirPosition(
            @ForAll("wellFormedFormats") Spec spec,
            @ForAll Breakage breakage,
            @ForAll @IntRange(min = 0, max = 20) int gap,
            @ForAll("junk") String junk,
            @ForAll("controlCharacters") char control,
            @ForAll("whiteSpace") char white,
            @ForAll("skus") String sku) {
        List<Piece> pieces = spec.pieces();
        int at = gap % (pieces.size() + 1);
        Statistics.collect(breakage);
        switch (breakage) {
            case STRAY_CLOSE -> {
                Assume.that(at == 0 || !(pieces.get(at - 1) instanceof Lit l && l.text().endsWith("]")));
                Spec bad = spec.insert(at, new Raw("]]"));
                assertRefusedAt(bad.text(), sku, bad.offsetOf(at) + 1, "']]' without '[['");
            }
            case UNCLOSED -> {
                String rest = junk.replace("]", "");
                Assume.that(rest.isEmpty() || !Character.isWhitespace(rest.charAt(rest.length() - 1)));
                Spec bad = spec.insert(pieces.size(), new Raw("[[" + rest));
                assertRefusedAt(bad.text(), sku, bad.offsetOf(pieces.size()) + 1, "unclosed '[['");
            }
            case NESTED -> {
                List<Integer> tokens = new ArrayList<>();
                for (int i = 0; i < pieces.size(); i++) {
                    if (!(pieces.get(i) instanceof Lit)) {
                        tokens.add(i);
                    }
                }
                int before = tokens.get(gap % tokens.size());
                String opened = "[[" + junk.replace("]]", "").replace("[[", "").replace("[", "").replace("]", "");
                Spec bad = spec.insert(before, new Raw(opened));
                assertRefusedAt(bad.text(), sku, bad.offsetOf(before) + opened.length() + 1, "'[[' inside a token");
            }
            case CONTROL_CHARACTER -> {
                Spec bad = spec.insert(at, new Raw(String.valueOf(control)));
                // at either end a white-space control character is refused as outer white space, same position
                assertRefusedAt(bad.text(), sku, bad.offsetOf(at) + 1);
            }
            case LEADING_WHITE_SPACE -> assertRefusedAt(white + spec.text(), sku, 1, "white space");
            case TRAILING_WHITE_SPACE ->
                    assertRefusedAt(spec.text() + white, sku, spec.text().length() + 1, "white space");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Assertions and helpers
    // ------------------------------------------------------------------------------------------

    static void assertValidSerial(String serial) {
        assertThat(SerialNumber.problemWith(serial)).as("problem with serial %s", escape(serial)).isEmpty();
        assertThat(serial).as("serial %s has outer white space", escape(serial)).isEqualTo(serial.strip());
    }

    static void assertRefused(ThrowingCallable parse, String... fragments) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_FORMAT);
            for (String fragment : fragments) {
                assertThat(v.getMessage()).contains(fragment);
            }
        });
    }

    static void assertRefusedAt(String text, String sku, int position, String... fragments) {
        assertThatThrownBy(() -> SerialFormat.parse(text, sku)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_FORMAT);
            for (String fragment : fragments) {
                assertThat(v.getMessage()).contains(fragment);
            }
            assertThat(v.getMessage()).containsPattern("position " + position + "(?!\\d)");
        });
    }

    /** A counter value in [start, MAX] from any raw value in [0, MAX] (raw itself when it is in range). */
    static long counterValue(long start, long raw) {
        return raw >= start ? raw : start + Math.floorMod(raw, MAX - start + 1);
    }

    static String pad(long n, int digits) {
        String number = Long.toString(n);
        return "0".repeat(Math.max(0, digits - number.length())) + number;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == '"' || c == '\\'
                    || Character.isWhitespace(c) && c != ' ') {
                b.append("\\u").append(Integer.toHexString(0x10000 | c).substring(1));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static boolean isNumberBetween(String raw, long min, long max) {
        try {
            long value = Long.parseLong(raw.strip());
            return value >= min && value <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------
    // The model of a format: pieces with the text they are written as and what they render
    // ------------------------------------------------------------------------------------------

    sealed interface Piece permits Lit, Tok, Counter, Raw {
        String text();
    }

    /** Literal text. */
    record Lit(String text) implements Piece {
    }

    /** A date/time or SKU token, as written (any case, white space around the name). */
    record Tok(String name, String text) implements Piece {
        int width(String sku) {
            return switch (name) {
                case "DATE" -> 10;
                case "YEAR" -> 4;
                case "DOY" -> 3;
                case "SKU" -> sku.length();
                default -> 2;
            };
        }

        String render(String sku, ZonedDateTime now) {
            String date = now.format(DateTimeFormatter.ISO_LOCAL_DATE);
            String time = now.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT));
            return switch (name) {
                case "DATE" -> date;
                case "YEAR" -> date.substring(0, 4);
                case "YY" -> date.substring(2, 4);
                case "MONTH" -> date.substring(5, 7);
                case "DAY" -> date.substring(8, 10);
                case "HOUR" -> time.substring(0, 2);
                case "MINUTE" -> time.substring(3, 5);
                case "SECOND" -> time.substring(6, 8);
                case "WEEK" -> {
                    String week = now.format(DateTimeFormatter.ISO_WEEK_DATE);
                    int w = week.indexOf("-W") + 2;
                    yield week.substring(w, w + 2);
                }
                case "DOY" -> now.format(DateTimeFormatter.ISO_ORDINAL_DATE).substring(5, 8);
                case "SKU" -> sku;
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    /** The counter with its arguments as meant (start 1 when left out) and as written. */
    record Counter(Reset reset, int digits, long start, String text) implements Piece {
    }

    /** Text inserted to break a format. */
    record Raw(String text) implements Piece {
    }

    record Spec(List<Piece> pieces) {
        String text() {
            return pieces.stream().map(Piece::text).collect(Collectors.joining());
        }

        int offsetOf(int index) {
            return pieces.subList(0, index).stream().mapToInt(p -> p.text().length()).sum();
        }

        int indexOfCounter(int which) {
            int seen = 0;
            for (int i = 0; i < pieces.size(); i++) {
                if (pieces.get(i) instanceof Counter && seen++ == which) {
                    return i;
                }
            }
            throw new IllegalStateException("no counter #" + which + " in " + this);
        }

        Counter counter() {
            return (Counter) pieces.get(indexOfCounter(0));
        }

        int maxLength(String sku) {
            int width = SerialFormat.MAX_DIGITS;
            for (Piece p : pieces) {
                if (p instanceof Lit l) {
                    width += l.text().length();
                } else if (p instanceof Tok t) {
                    width += t.width(sku);
                }
            }
            return width;
        }

        String render(String sku, ZonedDateTime now, long n) {
            StringBuilder b = new StringBuilder();
            for (Piece p : pieces) {
                if (p instanceof Lit l) {
                    b.append(l.text());
                } else if (p instanceof Tok t) {
                    b.append(t.render(sku, now));
                } else if (p instanceof Counter c) {
                    b.append(pad(n, c.digits()));
                }
            }
            return b.toString();
        }

        Spec insert(int index, Piece piece) {
            List<Piece> copy = new ArrayList<>(pieces);
            copy.add(index, piece);
            return new Spec(List.copyOf(copy));
        }

        @Override
        public String toString() {
            return escape(text());
        }
    }

    record SpecAndSku(Spec spec, String sku) {
        @Override
        public String toString() {
            return "format " + spec + " with SKU " + escape(sku);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Generators
    // ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Spec> wellFormedFormats() {
        return specs(1);
    }

    @Provide
    Arbitrary<Spec> formatsWithoutCounter() {
        return specs(0);
    }

    @Provide
    Arbitrary<Spec> formatsWithTwoCounters() {
        return specs(2);
    }

    @Provide
    Arbitrary<SpecAndSku> acceptedSpecs() {
        return Combinators.combine(specs(1), skus()).as(SpecAndSku::new)
                .filter(c -> c.spec().maxLength(c.sku()) <= SerialNumber.MAX_LENGTH);
    }

    /** Literal pieces and tokens around {@code counters} counters, in any order, spelled in any case. */
    static Arbitrary<Spec> specs(int counters) {
        Arbitrary<List<Piece>> tokens = plainTokens().list().ofMaxSize(6);
        Arbitrary<List<Piece>> theCounters = counters().list().ofSize(counters);
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, 8).list().ofSize(counters);
        Arbitrary<List<String>> gaps = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just("")),
                Tuple.of(3, literals())).list().ofSize(6 + counters + 1);
        return Combinators.combine(tokens, theCounters, positions, gaps).as((ts, cs, ps, gs) -> {
            List<Piece> items = new ArrayList<>(ts);
            for (int i = 0; i < cs.size(); i++) {
                items.add(Math.floorMod(ps.get(i), items.size() + 1), cs.get(i));
            }
            List<Piece> pieces = new ArrayList<>();
            for (int i = 0; i <= items.size(); i++) {
                if (!gs.get(i).isEmpty()) {
                    pieces.add(new Lit(gs.get(i)));
                }
                if (i < items.size()) {
                    pieces.add(items.get(i));
                }
            }
            return new Spec(List.copyOf(pieces));
        }).filter(s -> {
            String t = s.text();
            return !t.isEmpty() && !Character.isWhitespace(t.charAt(0))
                    && !Character.isWhitespace(t.charAt(t.length() - 1));
        });
    }

    static Arbitrary<String> literals() {
        Arbitrary<String> chunk = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings()
                        .withChars("ABCXYZabcxyz0123456789-_/.#:,;()+*%&'\"=!?@{}<>|~^$\\é ЖΩ中[]\u00a0")
                        .ofMinLength(1).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of("😀", "SN-", "ITEM-", "INCNUM", "[INCNUM,NONE,3]", "DATE", "[", "]",
                        "]x[", "%s", "%n", "$1", "—")));
        return chunk.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l))
                .filter(l -> !l.contains("[[") && !l.contains("]]") && !l.endsWith("["));
    }

    static Arbitrary<Piece> plainTokens() {
        return Combinators.combine(Arbitraries.of(PLAIN_TOKENS), spellings())
                .as((name, spelling) -> new Tok(name, "[[" + spelling.of(name) + "]]"));
    }

    static Arbitrary<Piece> counters() {
        return Combinators.combine(Arbitraries.of(Reset.values()), Arbitraries.integers().between(1, 18),
                        Arbitraries.longs().between(0, MAX), Arbitraries.integers().between(0, 2),
                        spellings(), spellings(), numberSpellings(), numberSpellings())
                .as((reset, digits, start, form, inc, r, d, s) -> new Counter(reset, digits, form == 0 ? 1 : start,
                        "[[" + inc.of("INCNUM") + "," + r.of(reset.name()) + "," + d.of(digits)
                                + (form == 0 ? "" : "," + s.of(start)) + "]]"));
    }

    /** How a name is written: upper, lower or capitalized case (0, 1, 2), maybe with white space around. */
    record Spelling(String before, int form, String after) {
        String of(String name) {
            String written = switch (form) {
                case 0 -> name;
                case 1 -> name.toLowerCase(Locale.ROOT);
                default -> name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
            };
            return before + written + after;
        }
    }

    /** How a number is written: maybe with a plus sign or leading zeros, maybe with white space around. */
    record NumberSpelling(String before, String prefix, String after) {
        String of(long value) {
            return before + prefix + value + after;
        }
    }

    static Arbitrary<Spelling> spellings() {
        return Combinators.combine(pads(), Arbitraries.integers().between(0, 2), pads()).as(Spelling::new);
    }

    static Arbitrary<NumberSpelling> numberSpellings() {
        return Combinators.combine(pads(), Arbitraries.of("", "", "", "+", "0", "00", "+0"), pads())
                .as(NumberSpelling::new);
    }

    static Arbitrary<String> spelledNames(List<String> names) {
        return Combinators.combine(Arbitraries.of(names), spellings()).as((name, spelling) -> spelling.of(name));
    }

    static Arbitrary<String> pads() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of(" ", "  ", "\t", "\u2003", "\n", " \t ")));
    }

    @Provide
    Arbitrary<String> skus() {
        return Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./ ")
                                .ofMinLength(1).ofMaxLength(100)),
                        Tuple.of(2, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(100)),
                        Tuple.of(1, Arbitraries.of("X", "[[#]]", "[[INCNUM,NONE,1]]", "]]", "a b", "😀", "Ж",
                                "X".repeat(100), "%d", "\u00a0")))
                .filter(s -> !s.isBlank() && s.equals(s.strip()) && s.length() <= 100
                        && s.chars().noneMatch(Character::isISOControl));
    }

    @Provide
    Arbitrary<String> anySkus() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, skus()),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(1, Arbitraries.of("", " ", "\u0000"))).injectNull(0.05);
    }

    @Provide
    Arbitrary<ZonedDateTime> moments() {
        long first = LocalDate.of(1970, 1, 1).toEpochDay();
        long last = LocalDate.of(2200, 12, 31).toEpochDay();
        Arbitrary<LocalDate> anyDay = Arbitraries.longs().between(first, last).map(LocalDate::ofEpochDay);
        Arbitrary<LocalDate> edgeDay = Combinators.combine(Arbitraries.integers().between(1970, 2200),
                        Arbitraries.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4),
                                MonthDay.of(12, 28), MonthDay.of(12, 29), MonthDay.of(12, 30), MonthDay.of(12, 31),
                                MonthDay.of(2, 28), MonthDay.of(2, 29), MonthDay.of(3, 1)))
                .as((year, day) -> day.atYear(year));
        Arbitrary<LocalDate> days = Arbitraries.frequencyOf(Tuple.of(3, anyDay), Tuple.of(1, edgeDay));
        Arbitrary<LocalTime> times = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 86_399),
                                Arbitraries.integers().between(0, 999_999_999))
                        .as((s, nanos) -> LocalTime.ofSecondOfDay(s).withNano(nanos))),
                Tuple.of(1, Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(2, 30), LocalTime.of(1, 30),
                        LocalTime.NOON)));
        List<ZoneId> everyZone = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();
        Arbitrary<ZoneId> zones = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(everyZone)),
                Tuple.of(1, Arbitraries.<ZoneId>of(ZoneOffset.UTC, ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12),
                        ZoneOffset.ofHoursMinutes(5, 45), ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
                        ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Apia"), ZoneId.of("Australia/Lord_Howe"),
                        ZoneId.of("America/Santiago"))));
        return Combinators.combine(days, times, zones).as(ZonedDateTime::of);
    }

    /** Everyday locales and locales whose numbers are written with other digits (Arabic, Thai, Devanagari...). */
    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(Stream.of("und", "en-US", "en-GB", "de-DE", "fr-FR", "ja-JP", "zh-CN", "tr-TR", "ar-EG",
                "ar-SA", "fa-IR", "ps-AF", "ur-IN", "hi-IN-u-nu-deva", "mr-IN", "ne-NP", "bn-BD", "th-TH-u-nu-thai",
                "my-MM", "dz-BT").map(Locale::forLanguageTag).toList());
    }

    /** Hostile texts: fragment soup, mutated good formats, arbitrary and very long strings. */
    @Provide
    Arbitrary<String> hostileTexts() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, soup()),
                Tuple.of(4, mutatedFormats()),
                Tuple.of(2, counterLike()),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(600)),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(490).ofMaxLength(3000)),
                Tuple.of(1, Arbitraries.integers().between(0, 600).map(k -> "A".repeat(k) + "[[INCNUM,NONE,1]]")),
                Tuple.of(1, bracketStorms()),
                Tuple.of(2, specs(1).map(Spec::text)),
                Tuple.of(1, Arbitraries.of("", " ", "[[", "]]", "[[]]", "[[[[]]]]", ",", "[[INCNUM,NONE,6]]",
                        "[[INCNUM,NONE,18,999999999999999999]]").injectNull(0.2)));
    }

    /** Texts that are often accepted formats: good ones, mutated ones, soup. */
    @Provide
    Arbitrary<String> formatTexts() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, specs(1).map(Spec::text)),
                Tuple.of(2, mutatedFormats()),
                Tuple.of(2, counterLike()),
                Tuple.of(1, soup()));
    }

    static Arbitrary<String> fragments() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("[[", "]]", "[", "]", ",", ",,", " ", "\t", "\n", "\r\n", "\u0000",
                        "\u007f", "\u0085", "\u009f", "\u2028", "\u00a0", "\u3000", "\ufeff", "\ud800", "\udfff",
                        "😀", "-", "#", "\\", "%s", "%n", "$1", "'", "\"")),
                Tuple.of(5, spelledNames(ALL_TOKENS)),
                Tuple.of(1, Arbitraries.of("ıncnum", "ſku", "İNCNUM", "ＳＫＵ", "INC NUM", "INCNUMS", "DATES")),
                Tuple.of(3, Arbitraries.of("NONE", "DAILY", "MONTHLY", "YEARLY", "none", "Daily", "HOURLY", "")),
                Tuple.of(4, numbers()),
                Tuple.of(3, Arbitraries.of("[[INCNUM,NONE,6]]", "[[INCNUM,DAILY,4,0]]",
                        "[[INCNUM,YEARLY,18,999999999999999999]]", "[[DATE]]", "[[SKU]]", "[[YEAR]]", "[[INCNUM]]",
                        "[[]]", "[[,]]", "[[INCNUM,NONE,6,]]", "[[ incnum , monthly , 3 , 7 ]]")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(6)),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMaxLength(20)));
    }

    static Arbitrary<String> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(-5, 25).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("-0", "+5", "007", "99999999999999999999", "9223372036854775807",
                        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "999999999999999999",
                        "1000000000000000000", "1e3", "0x1F", "1_000", "١٢", "１２", "٣", "  3  ", "1.0", "NaN", "∞")));
    }

    static Arbitrary<String> soup() {
        return fragments().list().ofMaxSize(60).map(l -> String.join("", l));
    }

    static Arbitrary<String> counterLike() {
        return Combinators.combine(fragments(), numbers(), numbers(), Arbitraries.of("", ",", ",0", ",,"),
                        fragments(), fragments())
                .as((reset, digits, start, extra, prefix, suffix) ->
                        prefix + "[[INCNUM," + reset + "," + digits + "," + start + extra + "]]" + suffix);
    }

    static Arbitrary<String> mutatedFormats() {
        return Combinators.combine(specs(1).map(Spec::text), fragments(), Arbitraries.integers().between(0, 400),
                        Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 3))
                .as((text, fragment, at, length, operation) -> {
                    int i = Math.min(at, text.length());
                    int j = Math.min(text.length(), i + length);
                    return switch (operation) {
                        case 0 -> text.substring(0, i) + fragment + text.substring(i);
                        case 1 -> text.substring(0, i) + text.substring(j);
                        case 2 -> text.substring(0, i) + fragment + text.substring(j);
                        default -> text.substring(0, j) + text.substring(i);
                    };
                });
    }

    static Arbitrary<String> bracketStorms() {
        return Arbitraries.oneOf(
                Arbitraries.of("[[", "]]", "[", "]", "[[INCNUM,NONE,3]]", "x", ",", "[[[[", "]]]]")
                        .list().ofMaxSize(150).map(l -> String.join("", l)),
                Arbitraries.integers().between(1, 200).map(k -> "[[".repeat(k) + "INCNUM,NONE,3" + "]]".repeat(k)),
                Arbitraries.integers().between(1, 200).map(k -> "[[INCNUM,NONE,3]]" + "]]".repeat(k)),
                Arbitraries.integers().between(1, 200).map(k -> "[[INCNUM,NONE,3]]" + "[[".repeat(k)));
    }

    @Provide
    Arbitrary<String> unknownTokenNames() {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of("INCNUMS", "INC", "INCNUM2", "DATES", "YEARS", "Y", "YYYY", "MON",
                                "MONTHS", "DAYS", "HOURS", "MIN", "SEC", "WK", "DAYOFYEAR", "SKU1", "S KU", "I NCNUM",
                                "ÍNCNUM", "ＳＫＵ", "#", "", " ", "\t", "\u0000", "😀")),
                        Tuple.of(3, Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789_-# ")
                                .ofMaxLength(12)),
                        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(10)))
                .filter(n -> n.chars().noneMatch(c -> c == '[' || c == ']' || c == ','))
                .filter(n -> !ALL_TOKENS.contains(n.strip().toUpperCase(Locale.ROOT)));
    }

    @Provide
    Arbitrary<String> tokenArgumentsOrNone() {
        return Arbitraries.of("", "", ",NONE,6", ",", ",x,y,z,w", ",DAILY,4,1");
    }

    @Provide
    Arbitrary<String> resets() {
        return spelledNames(Arrays.stream(Reset.values()).map(Reset::name).toList());
    }

    @Provide
    Arbitrary<String> badResets() {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of("HOURLY", "WEEKLY", "QUARTERLY", "NEVER", "DAY", "MONTH", "YEAR",
                                "ANNUAL", "", " ", "NONE1", "N0NE", "DAILYY", "D AILY", "1", "-1", "ÐAILY", "ＮＯＮＥ")),
                        Tuple.of(2, Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZnoedaily0123 ")
                                .ofMaxLength(10)),
                        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)))
                .filter(r -> r.chars().noneMatch(c -> c == '[' || c == ']' || c == ','))
                .filter(r -> Arrays.stream(Reset.values())
                        .noneMatch(v -> v.name().equals(r.strip().toUpperCase(Locale.ROOT))));
    }

    @Provide
    Arbitrary<String> badDigits() {
        return Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.longs().between(Long.MIN_VALUE, 0).map(String::valueOf)),
                        Tuple.of(2, Arbitraries.longs().between(19, Long.MAX_VALUE).map(String::valueOf)),
                        Tuple.of(2, Arbitraries.of("", " ", "x", "1.5", "1e1", "0x10", "99999999999999999999",
                                "9223372036854775808", "-9223372036854775809", "6 6", "六", "--1", "+-1", "∞", "-0")),
                        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)))
                .filter(d -> d.chars().noneMatch(c -> c == '[' || c == ']' || c == ','))
                .filter(d -> !isNumberBetween(d, 1, SerialFormat.MAX_DIGITS));
    }

    @Provide
    Arbitrary<String> startsOrNone() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.longs().between(0, MAX).map(s -> "," + s)));
    }

    @Provide
    Arbitrary<String> badStarts() {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.longs().between(Long.MIN_VALUE, -1).map(String::valueOf)),
                        Tuple.of(1, Arbitraries.longs().between(MAX + 1, Long.MAX_VALUE).map(String::valueOf)),
                        Tuple.of(1, Arbitraries.of("", " ", "x", "1.5", "-", "99999999999999999999",
                                "1000000000000000000", "-9223372036854775809", "one")),
                        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)))
                .filter(s -> s.chars().noneMatch(c -> c == '[' || c == ']' || c == ','))
                .filter(s -> !isNumberBetween(s, 0, MAX));
    }

    @Provide
    Arbitrary<String> wrongArity() {
        return Arbitraries.oneOf(
                Arbitraries.of("[[INCNUM]]", "[[INCNUM,NONE]]", "[[incnum, daily]]", "[[INCNUM,NONE,3,1,1]]",
                        "[[INCNUM,,,,,]]", "[[INCNUM,NONE,3,1,]]"),
                Combinators.combine(spelledNames(PLAIN_TOKENS),
                                Arbitraries.of(",", ",4", ",x,y", ", ", ",NONE,6"))
                        .as((name, args) -> "[[" + name + args + "]]"));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().withChars("ABCxyz0123456789,-_ #[]").ofMaxLength(10);
    }

    @Provide
    Arbitrary<Character> controlCharacters() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.chars().range('\u007f', '\u009f'));
    }

    @Provide
    Arbitrary<Character> whiteSpace() {
        return Arbitraries.of(' ', '\t', '\n', '\r', '\u000b', '\u001c', '\u2003', '\u3000', '\u2028', '\u1680');
    }
}
