package org.serialtracking.format.control;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties of the auto serial number format language ({@link SerialFormat}), checked against
 * generated formats, SKUs, moments and counter values. The well-formed formats are generated
 * together with a model of what they must render, so a property can say exactly which serial a
 * format gives and where a refusal must point.
 *
 * <p>Plain JUnit 5: each property runs for a few fixed seeds (one parameterized invocation per
 * seed), and each case of a run draws its input from a {@link SplittableRandom} with a case seed
 * taken from the run's seed, so every run is the same on every machine. A failure names the seed,
 * the case, its case seed and the generated input. To run one case alone, pass its case seed:
 * {@code mvn -pl serial-ejb test -Dtest=SerialFormatPropertiesTest -Dserialformat.replay=<case seed>}
 * (coverage checks are then skipped).
 */
class SerialFormatPropertiesTest {

    static final long MAX = SerialFormat.MAX_COUNTER;

    static final List<String> PLAIN_TOKENS =
            List.of("YEAR", "DATE", "YY", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "WEEK", "DOY", "SKU");

    static final List<String> ALL_TOKENS =
            Stream.concat(Stream.of("INCNUM"), PLAIN_TOKENS.stream()).collect(Collectors.toUnmodifiableList());

    static final List<ZoneId> EVERY_ZONE = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();

    static final List<ZoneId> SPECIAL_ZONES = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12),
            ZoneOffset.ofHoursMinutes(5, 45), ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
            ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Apia"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("America/Santiago"));

    /** Everyday locales and locales whose numbers are written with other digits (Arabic, Thai, Devanagari...). */
    static final List<Locale> LOCALES = Stream.of("und", "en-US", "en-GB", "de-DE", "fr-FR", "ja-JP", "zh-CN", "tr-TR",
            "ar-EG", "ar-SA", "fa-IR", "ps-AF", "ur-IN", "hi-IN-u-nu-deva", "mr-IN", "ne-NP", "bn-BD", "th-TH-u-nu-thai",
            "my-MM", "dz-BT").map(Locale::forLanguageTag).toList();

    // ------------------------------------------------------------------------------------------
    // Robustness: any text at all is a format or an INVALID_FORMAT refusal
    // ------------------------------------------------------------------------------------------

    record TextAndSku(String text, String sku) {
        @Override
        public String toString() {
            return show("text", text, "sku", sku);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103, 104})
    void anyTextIsEitherAFormatOrRefusedAsAnInvalidFormat(long seed) {
        Gen<String> texts = hostileTexts();
        Gen<String> skus = anySkus();
        Map<String, Integer> outcomes = classify(seed, 500, r -> new TextAndSku(texts.next(r), skus.next(r)), in -> {
            SerialFormat format;
            try {
                format = SerialFormat.parse(in.text(), in.sku());
            } catch (RuleViolation refused) {
                assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FORMAT);
                assertThat(refused.getMessage()).startsWith("Invalid format: ");
                return "refused";
            }
            // any other exception fails the property, with its type, the seed and the input
            assertThat(format).isNotNull();
            assertThat(format.text()).isEqualTo(in.text());
            assertThat(format.reset()).isNotNull();
            assertThat(format.digits()).isBetween(1, SerialFormat.MAX_DIGITS);
            assertThat(format.start()).isBetween(0L, MAX);
            assertThat(format.maxLength(in.sku() == null ? "" : in.sku())).isLessThanOrEqualTo(SerialNumber.MAX_LENGTH);
            return "accepted";
        });
        assertCoverage(seed, outcomes, "accepted", 0.0);
    }

    // ------------------------------------------------------------------------------------------
    // Every accepted format renders valid serials
    // ------------------------------------------------------------------------------------------

    record RenderCase(String text, String sku, ZonedDateTime now, long raw) {
        @Override
        public String toString() {
            return show("text", text, "sku", sku, "now", now, "raw", raw);
        }
    }

    /**
     * Each run goes through every zone of the JDK once (at a random moment of 1970–2200), then draws
     * 150 more moments in random zones, the awkward ones more often.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {201, 202})
    void everyAcceptedFormatRendersValidSerialsWithinItsMaxLength(long seed) {
        Gen<String> texts = formatTexts();
        Gen<String> skus = skus();
        Gen<ZonedDateTime> anyMoment = moments();
        Gen<Long> raws = longs(0, MAX);
        int cases = EVERY_ZONE.size() + 150;
        Map<String, Integer> outcomes = classify(seed, cases, (r, i) -> new RenderCase(texts.next(r), skus.next(r),
                i < EVERY_ZONE.size() ? momentsIn(Gen.just(EVERY_ZONE.get(i))).next(r) : anyMoment.next(r),
                raws.next(r)), in -> {
            SerialFormat format;
            try {
                format = SerialFormat.parse(in.text(), in.sku());
            } catch (RuleViolation refused) {
                return "refused";
            }
            int longest = format.maxLength(in.sku());
            assertThat(longest).isLessThanOrEqualTo(SerialNumber.MAX_LENGTH);
            for (long n : new long[]{counterValue(format.start(), in.raw()), format.start(), MAX}) {
                String serial = format.render(in.sku(), in.now(), n);
                assertValidSerial(serial);
                assertThat(serial.length()).as("length of %s", serial).isLessThanOrEqualTo(longest);
            }
            return "accepted";
        });
        assertCoverage(seed, outcomes, "accepted", 0.40);
    }

    // ------------------------------------------------------------------------------------------
    // Well-formed formats: accepted, rendered exactly as the model says
    // ------------------------------------------------------------------------------------------

    record ModelCase(Spec spec, String sku, ZonedDateTime now, long raw) {
        @Override
        public String toString() {
            return show("format", spec, "sku", sku, "now", now, "raw", raw);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {301, 302, 303, 304})
    void wellFormedFormatsAreAcceptedAndRenderTheCounterZeroPadded(long seed) {
        Gen<Spec> specs = specs(1);
        Gen<String> skus = skus();
        Gen<ZonedDateTime> moments = moments();
        Gen<Long> raws = longs(0, MAX);
        Map<String, Integer> outcomes = classify(seed, 250,
                r -> new ModelCase(specs.next(r), skus.next(r), moments.next(r), raws.next(r)), in -> {
                    Spec spec = in.spec();
                    String sku = in.sku();
                    int longest = spec.maxLength(sku);
                    if (longest > SerialNumber.MAX_LENGTH) {
                        assertRefused(() -> SerialFormat.parse(spec.text(), sku),
                                "could be " + longest + " characters long");
                        return "longer than 100";
                    }
                    Counter counter = spec.counter();
                    SerialFormat format = SerialFormat.parse(spec.text(), sku);
                    assertThat(format.reset()).isEqualTo(counter.reset());
                    assertThat(format.digits()).isEqualTo(counter.digits());
                    assertThat(format.start()).isEqualTo(counter.start());
                    assertThat(format.maxLength(sku)).isEqualTo(longest);
                    assertThat(format.usesSku()).isEqualTo(spec.pieces().stream()
                            .anyMatch(p -> p instanceof Tok t && t.name().equals("SKU")));

                    long n = counterValue(counter.start(), in.raw());
                    String padded = pad(n, counter.digits());
                    String serial = format.render(sku, in.now(), n);
                    assertThat(serial).contains(padded);
                    assertThat(serial).isEqualTo(spec.render(sku, in.now(), n));
                    assertThat(serial.length()).isEqualTo(longest - SerialFormat.MAX_DIGITS + padded.length());
                    assertValidSerial(serial);
                    return "accepted";
                });
        assertCoverage(seed, outcomes, "accepted", 0.50);
    }

    record DistinctCase(SpecAndSku item, ZonedDateTime now, List<Long> raws, List<Integer> secondsOfDay) {
        @Override
        public String toString() {
            return show("item", item, "now", now, "raws", raws, "secondsOfDay", secondsOfDay);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {401, 402})
    void distinctCounterValuesGiveDistinctSerialsWithinOneContextAndPeriod(long seed) {
        Gen<SpecAndSku> items = acceptedSpecs();
        Gen<ZonedDateTime> moments = moments();
        Gen<List<Long>> raws = longs(0, MAX).list(2, 40);
        Gen<List<Integer>> seconds = ints(0, 86_399).list(1, 40);
        Map<String, Integer> compared = classify(seed, 250,
                r -> new DistinctCase(items.next(r), moments.next(r), raws.next(r), seconds.next(r)), in -> {
                    SerialFormat format = SerialFormat.parse(in.item().spec().text(), in.item().sku());
                    String sku = in.item().sku();
                    ZonedDateTime now = in.now();
                    String context = format.context(sku, now);
                    String period = format.period(now);

                    List<Long> values = new ArrayList<>();
                    in.raws().forEach(r -> values.add(counterValue(format.start(), r)));
                    long from = counterValue(format.start(), in.raws().get(0));
                    for (long k = 1; k <= 20 && from + k <= MAX; k++) {
                        values.add(from + k); // a run of consecutive values, across a change of width too
                    }
                    Map<String, Long> seen = new HashMap<>();
                    int count = 0;
                    for (int i = 0; i < values.size(); i++) {
                        ZonedDateTime moment = now.with(LocalTime.ofSecondOfDay(
                                in.secondsOfDay().get(i % in.secondsOfDay().size())));
                        if (!format.context(sku, moment).equals(context) || !format.period(moment).equals(period)) {
                            continue; // another counter: numbers may repeat there
                        }
                        count++;
                        long n = values.get(i);
                        String serial = format.render(sku, moment, n);
                        Long before = seen.putIfAbsent(serial.toLowerCase(Locale.ROOT), n);
                        assertThat(before).as("%s is rendered for counter values %s and %s", serial, before, n)
                                .isIn(null, n);
                    }
                    return count < 10 ? "< 10 serials compared" : ">= 10 serials compared";
                });
        assertCoverage(seed, compared, ">= 10 serials compared", 0.0);
    }

    record LocaleCase(SpecAndSku item, ZonedDateTime now, Locale locale, long raw) {
        @Override
        public String toString() {
            return show("item", item, "now", now, "locale", locale.toLanguageTag(), "raw", raw);
        }
    }

    /**
     * The digits of a serial must not depend on the server's default locale: a serial is an identifier.
     * Each run goes through the locales in turn, so each is tried several times.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {501, 502})
    void renderingDoesNotDependOnTheDefaultLocale(long seed) {
        Gen<SpecAndSku> items = acceptedSpecs();
        Gen<ZonedDateTime> moments = moments();
        Gen<Long> raws = longs(0, MAX);
        forAll(seed, 100, (r, i) -> new LocaleCase(items.next(r), moments.next(r), LOCALES.get(i % LOCALES.size()),
                raws.next(r)), in -> {
            long n = counterValue(in.item().spec().counter().start(), in.raw());
            String expected = in.item().spec().render(in.item().sku(), in.now(), n);
            Locale saved = Locale.getDefault();
            Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
            Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
            String rendered;
            try {
                Locale.setDefault(in.locale());
                rendered = SerialFormat.parse(in.item().spec().text(), in.item().sku())
                        .render(in.item().sku(), in.now(), n);
            } finally {
                Locale.setDefault(saved);
                Locale.setDefault(Locale.Category.FORMAT, savedFormat);
                Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
            }
            assertThat(rendered).as("rendered with default locale %s", in.locale().toLanguageTag()).isEqualTo(expected);
        });
    }

    // ------------------------------------------------------------------------------------------
    // Refusals, at the position of the problem
    // ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {601, 602, 603, 604})
    void formatsWithoutACounterAreRefused(long seed) {
        Gen<Spec> specs = specs(0);
        Gen<String> skus = skus();
        forAll(seed, 250, r -> new SpecAndSku(specs.next(r), skus.next(r)),
                in -> assertRefused(() -> SerialFormat.parse(in.spec().text(), in.sku()), "no counter"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {701, 702, 703, 704})
    void aSecondCounterIsRefusedAtItsPosition(long seed) {
        Gen<Spec> specs = specs(2);
        Gen<String> skus = skus();
        forAll(seed, 250, r -> new SpecAndSku(specs.next(r), skus.next(r)), in -> {
            int second = in.spec().indexOfCounter(1);
            assertRefusedAt(in.spec().text(), in.sku(), in.spec().offsetOf(second) + 1, "a second counter");
        });
    }

    record UnknownTokenCase(Spec spec, String name, String arguments, int gap, String sku) {
        @Override
        public String toString() {
            return show("format", spec, "name", name, "arguments", arguments, "gap", gap, "sku", sku);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {801, 802, 803, 804})
    void unknownTokensAreRefusedAtTheirPosition(long seed) {
        Gen<Spec> specs = specs(1);
        Gen<String> names = unknownTokenNames();
        Gen<String> arguments = tokenArgumentsOrNone();
        Gen<Integer> gaps = ints(0, 20);
        Gen<String> skus = skus();
        forAll(seed, 250, r -> new UnknownTokenCase(specs.next(r), names.next(r), arguments.next(r), gaps.next(r),
                skus.next(r)), in -> {
            int at = in.gap() % (in.spec().pieces().size() + 1);
            Spec bad = in.spec().insert(at, new Raw("[[" + in.name() + in.arguments() + "]]"));
            String problem = in.name().strip().isEmpty() ? "empty token" : "unknown token '" + in.name().strip() + "'";
            assertRefusedAt(bad.text(), in.sku(), bad.offsetOf(at) + 1, problem);
        });
    }

    record BadResetCase(Spec spec, String reset, int digits, int gap, String sku) {
        @Override
        public String toString() {
            return show("format", spec, "reset", reset, "digits", digits, "gap", gap, "sku", sku);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {901, 902, 903, 904})
    void unknownResetCyclesAreRefusedAtTheCounter(long seed) {
        Gen<Spec> specs = specs(0);
        Gen<String> resets = badResets();
        Gen<Integer> digits = ints(1, 18);
        Gen<Integer> gaps = ints(0, 20);
        Gen<String> skus = skus();
        forAll(seed, 250, r -> new BadResetCase(specs.next(r), resets.next(r), digits.next(r), gaps.next(r),
                skus.next(r)), in -> {
            int at = in.gap() % (in.spec().pieces().size() + 1);
            Spec bad = in.spec().insert(at, new Raw("[[INCNUM," + in.reset() + "," + in.digits() + "]]"));
            assertRefusedAt(bad.text(), in.sku(), bad.offsetOf(at) + 1,
                    "unknown reset cycle '" + in.reset().strip() + "'");
        });
    }

    record BadDigitsCase(Spec spec, String reset, String digits, String start, int gap, String sku) {
        @Override
        public String toString() {
            return show("format", spec, "reset", reset, "digits", digits, "start", start, "gap", gap, "sku", sku);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1001, 1002, 1003, 1004})
    void digitsOutsideOneToEighteenAreRefusedAtTheCounter(long seed) {
        Gen<Spec> specs = specs(0);
        Gen<String> resets = resets();
        Gen<String> digits = badDigits();
        Gen<String> starts = startsOrNone();
        Gen<Integer> gaps = ints(0, 20);
        Gen<String> skus = skus();
        forAll(seed, 250, r -> new BadDigitsCase(specs.next(r), resets.next(r), digits.next(r), starts.next(r),
                gaps.next(r), skus.next(r)), in -> {
            int at = in.gap() % (in.spec().pieces().size() + 1);
            Spec bad = in.spec().insert(at,
                    new Raw("[[INCNUM," + in.reset() + "," + in.digits() + in.start() + "]]"));
            assertRefusedAt(bad.text(), in.sku(), bad.offsetOf(at) + 1, "digits ");
        });
    }

    record BadStartCase(Spec spec, String reset, int digits, String start, int gap, String sku) {
        @Override
        public String toString() {
            return show("format", spec, "reset", reset, "digits", digits, "start", start, "gap", gap, "sku", sku);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1101, 1102, 1103, 1104})
    void negativeOrHugeOrNonNumericStartsAreRefusedAtTheCounter(long seed) {
        Gen<Spec> specs = specs(0);
        Gen<String> resets = resets();
        Gen<Integer> digits = ints(1, 18);
        Gen<String> starts = badStarts();
        Gen<Integer> gaps = ints(0, 20);
        Gen<String> skus = skus();
        forAll(seed, 250, r -> new BadStartCase(specs.next(r), resets.next(r), digits.next(r), starts.next(r),
                gaps.next(r), skus.next(r)), in -> {
            int at = in.gap() % (in.spec().pieces().size() + 1);
            Spec bad = in.spec().insert(at,
                    new Raw("[[INCNUM," + in.reset() + "," + in.digits() + "," + in.start() + "]]"));
            assertRefusedAt(bad.text(), in.sku(), bad.offsetOf(at) + 1, "start ");
        });
    }

    record WrongArityCase(Spec spec, String token, int gap, String sku) {
        @Override
        public String toString() {
            return show("format", spec, "token", token, "gap", gap, "sku", sku);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1201, 1202, 1203, 1204})
    void tokensWithTheWrongNumberOfArgumentsAreRefusedAtTheirPosition(long seed) {
        Gen<Spec> specs = specs(0);
        Gen<String> tokens = wrongArity();
        Gen<Integer> gaps = ints(0, 20);
        Gen<String> skus = skus();
        forAll(seed, 250, r -> new WrongArityCase(specs.next(r), tokens.next(r), gaps.next(r), skus.next(r)), in -> {
            int at = in.gap() % (in.spec().pieces().size() + 1);
            Spec bad = in.spec().insert(at, new Raw(in.token()));
            String problem = in.token().toUpperCase(Locale.ROOT).startsWith("[[INCNUM")
                    ? "needs [[INCNUM,reset,digits]]" : "takes no arguments";
            assertRefusedAt(bad.text(), in.sku(), bad.offsetOf(at) + 1, problem);
        });
    }

    enum Breakage { STRAY_CLOSE, UNCLOSED, NESTED, CONTROL_CHARACTER, LEADING_WHITE_SPACE, TRAILING_WHITE_SPACE }

    record BrokenCase(Spec spec, Breakage breakage, int gap, String junk, char control, char white, String sku) {
        /** Cases where the breakage would be read otherwise (and refused elsewhere) are not generated. */
        boolean applies() {
            List<Piece> pieces = spec.pieces();
            int at = gap % (pieces.size() + 1);
            return switch (breakage) {
                case STRAY_CLOSE -> at == 0 || !(pieces.get(at - 1) instanceof Lit l && l.text().endsWith("]"));
                case UNCLOSED -> {
                    String rest = junk.replace("]", "");
                    yield rest.isEmpty() || !Character.isWhitespace(rest.charAt(rest.length() - 1));
                }
                default -> true;
            };
        }

        @Override
        public String toString() {
            return show("format", spec, "breakage", breakage, "gap", gap, "junk", junk, "control", control,
                    "white", white, "sku", sku);
        }
    }

    /** Each run goes through the breakages in turn. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1301, 1302, 1303, 1304})
    void brokenBracketsControlCharactersAndOuterWhiteSpaceAreRefusedAtTheirPosition(long seed) {
        Gen<Spec> specs = specs(1);
        Gen<Integer> gaps = ints(0, 20);
        Gen<String> junk = junk();
        Gen<Character> controls = controlCharacters();
        Gen<Character> whites = whiteSpace();
        Gen<String> skus = skus();
        Breakage[] breakages = Breakage.values();
        forAll(seed, 250, (r, i) -> {
            Gen<BrokenCase> cases = g -> new BrokenCase(specs.next(g), breakages[i % breakages.length], gaps.next(g),
                    junk.next(g), controls.next(g), whites.next(g), skus.next(g));
            return cases.filter(BrokenCase::applies).next(r);
        }, in -> {
            Spec spec = in.spec();
            String sku = in.sku();
            List<Piece> pieces = spec.pieces();
            int at = in.gap() % (pieces.size() + 1);
            switch (in.breakage()) {
                case STRAY_CLOSE -> {
                    Spec bad = spec.insert(at, new Raw("]]"));
                    assertRefusedAt(bad.text(), sku, bad.offsetOf(at) + 1, "']]' without '[['");
                }
                case UNCLOSED -> {
                    String rest = in.junk().replace("]", "");
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
                    int before = tokens.get(in.gap() % tokens.size());
                    String opened = "[[" + in.junk().replace("]]", "").replace("[[", "").replace("[", "")
                            .replace("]", "");
                    Spec bad = spec.insert(before, new Raw(opened));
                    assertRefusedAt(bad.text(), sku, bad.offsetOf(before) + opened.length() + 1,
                            "'[[' inside a token");
                }
                case CONTROL_CHARACTER -> {
                    Spec bad = spec.insert(at, new Raw(String.valueOf(in.control())));
                    // at either end a white-space control character is refused as outer white space, same position
                    assertRefusedAt(bad.text(), sku, bad.offsetOf(at) + 1);
                }
                case LEADING_WHITE_SPACE -> assertRefusedAt(in.white() + spec.text(), sku, 1, "white space");
                case TRAILING_WHITE_SPACE ->
                        assertRefusedAt(spec.text() + in.white(), sku, spec.text().length() + 1, "white space");
            }
        });
    }

    // ------------------------------------------------------------------------------------------
    // Running a property: fixed seeds, a case seed per case, the seed and input on failure
    // ------------------------------------------------------------------------------------------

    /** System property naming one case seed to run alone (from a failure message). */
    static final String REPLAY = "serialformat.replay";

    static boolean replaying() {
        return System.getProperty(REPLAY) != null;
    }

    /** A generator of inputs that also gets the number of the case (from 0), to go through a list in turn. */
    @FunctionalInterface
    interface IndexedGen<T> {
        T next(SplittableRandom random, int index);
    }

    static <T> void forAll(long seed, int cases, Gen<T> inputs, Consumer<T> property) {
        run(seed, cases, (r, i) -> inputs.next(r), in -> {
            property.accept(in);
            return null;
        });
    }

    static <T> void forAll(long seed, int cases, IndexedGen<T> inputs, Consumer<T> property) {
        run(seed, cases, inputs, in -> {
            property.accept(in);
            return null;
        });
    }

    /** Like forAll, the property returning a label for its case; returns how many cases had each label. */
    static <T> Map<String, Integer> classify(long seed, int cases, Gen<T> inputs, Function<T, String> property) {
        return run(seed, cases, (r, i) -> inputs.next(r), property);
    }

    static <T> Map<String, Integer> classify(long seed, int cases, IndexedGen<T> inputs, Function<T, String> property) {
        return run(seed, cases, inputs, property);
    }

    private static <T> Map<String, Integer> run(long seed, int cases, IndexedGen<T> inputs,
                                                Function<T, String> property) {
        Long replay = replaying() ? Long.valueOf(System.getProperty(REPLAY).strip()) : null;
        Map<String, Integer> tally = new TreeMap<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = seeds.nextLong();
            if (replay != null && replay != caseSeed) {
                continue;
            }
            T input = null;
            String label;
            try {
                input = inputs.next(new SplittableRandom(caseSeed), i);
                label = property.apply(input);
            } catch (Throwable failure) {
                throw new AssertionError(String.format(
                        "Property failed with seed %d, case %d of %d (case seed %d; run it alone with -D%s=%d)%n"
                                + "input: %s%n%s", seed, i + 1, cases, caseSeed, REPLAY, caseSeed,
                        input == null ? "(failed while generating it)" : input, failure), failure);
            }
            if (label != null) {
                tally.merge(label, 1, Integer::sum);
            }
        }
        return tally;
    }

    /** At least one case (share 0) or more than {@code share} of the cases had the label. */
    static void assertCoverage(long seed, Map<String, Integer> tally, String label, double share) {
        if (replaying()) {
            return;
        }
        int total = tally.values().stream().mapToInt(Integer::intValue).sum();
        int count = tally.getOrDefault(label, 0);
        assertThat(count).as("seed %d: too few cases '%s' in %s", seed, label, tally).isPositive();
        assertThat((double) count / total).as("seed %d: share of cases '%s' in %s", seed, label, tally)
                .isGreaterThan(share);
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
        if (s == null) {
            return "null";
        }
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

    /** Names and values of a generated input, strings and characters escaped. */
    static String show(Object... namesAndValues) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (int k = 0; k < namesAndValues.length; k += 2) {
            Object value = namesAndValues[k + 1];
            String shown = value instanceof String s ? escape(s)
                    : value instanceof Character c ? escape(String.valueOf(c)) : String.valueOf(value);
            j.add(namesAndValues[k] + "=" + shown);
        }
        return j.toString();
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
    // A small generator kit on SplittableRandom
    // ------------------------------------------------------------------------------------------

    /** Draws a value from a random source; all randomness of a case comes from that one source. */
    @FunctionalInterface
    interface Gen<T> {
        T next(SplittableRandom random);

        default <U> Gen<U> map(Function<? super T, ? extends U> f) {
            return r -> f.apply(next(r));
        }

        /** Draws again until a value is kept (a generator bug if that takes 10,000 draws). */
        default Gen<T> filter(Predicate<? super T> keep) {
            return r -> {
                for (int attempt = 0; attempt < 10_000; attempt++) {
                    T value = next(r);
                    if (keep.test(value)) {
                        return value;
                    }
                }
                throw new IllegalStateException("a filter rejected 10,000 values in a row");
            };
        }

        default Gen<List<T>> list(int min, int max) {
            return r -> {
                int n = size(r, min, max);
                List<T> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(next(r));
                }
                return Collections.unmodifiableList(values);
            };
        }

        default Gen<T> orNull(double probability) {
            return r -> r.nextDouble() < probability ? null : next(r);
        }

        static <T> Gen<T> just(T value) {
            return r -> value;
        }

        @SafeVarargs
        static <T> Gen<T> of(T... values) {
            return of(Arrays.asList(values.clone()));
        }

        static <T> Gen<T> of(List<T> values) {
            List<T> copy = new ArrayList<>(values);
            return r -> copy.get(r.nextInt(copy.size()));
        }

        @SafeVarargs
        static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
            List<Gen<? extends T>> copy = List.of(gens);
            return r -> copy.get(r.nextInt(copy.size())).next(r);
        }

        @SafeVarargs
        static <T> Gen<T> frequency(Weighted<T>... choices) {
            List<Weighted<T>> copy = List.of(choices);
            int total = copy.stream().mapToInt(Weighted::weight).sum();
            return r -> {
                int pick = r.nextInt(total);
                for (Weighted<T> choice : copy) {
                    pick -= choice.weight();
                    if (pick < 0) {
                        return choice.gen().next(r);
                    }
                }
                throw new IllegalStateException("unreachable");
            };
        }
    }

    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Weighted<T> w(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** A size in [min, max], small sizes more often. */
    static int size(SplittableRandom r, int min, int max) {
        if (min >= max) {
            return min;
        }
        int bound = switch (r.nextInt(4)) {
            case 0, 1 -> Math.min(max, min + 8);
            case 2 -> Math.min(max, min + 30);
            default -> max;
        };
        return r.nextInt(min, bound + 1);
    }

    /** Integers in [min, max]: the bounds now and then, else uniform. */
    static Gen<Integer> ints(int min, int max) {
        return r -> switch (r.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> (int) r.nextLong(min, (long) max + 1);
        };
    }

    /** Edge values of longs: bounds, 0 and ±1, the limits of the counter, each power of ten and one less. */
    static final long[] LONG_EDGES = LongStream.concat(
            LongStream.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, 2, MAX, MAX + 1, Long.MAX_VALUE - 1,
                    Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE),
            LongStream.rangeClosed(1, 18).flatMap(k -> {
                long p = LongStream.range(0, k).reduce(1, (a, b) -> a * 10);
                return LongStream.of(p - 1, p, -p);
            })).toArray();

    /**
     * Longs in [min, max]: edge values (15%), values of any magnitude near the bound closest to 0
     * (35%: as many small as huge ones), else uniform over the range.
     */
    static Gen<Long> longs(long min, long max) {
        long[] edges = LongStream.concat(LongStream.of(LONG_EDGES), LongStream.of(min, max, min + 1, max - 1))
                .filter(v -> v >= min && v <= max).distinct().toArray();
        return r -> {
            int pick = r.nextInt(20);
            if (pick < 3) {
                return edges[r.nextInt(edges.length)];
            }
            if (pick < 10) {
                long anchor = Math.max(min, Math.min(max, 0));
                int bits = r.nextInt(64);
                long v = bits == 0 ? 0 : r.nextLong() >>> (64 - bits);
                // the differences below are non-negative, compared as unsigned (anchor - MIN_VALUE is 2^63)
                if (r.nextBoolean() && Long.compareUnsigned(v, max - anchor) <= 0) {
                    return anchor + v;
                }
                if (Long.compareUnsigned(v, anchor - min) <= 0) {
                    return anchor - v;
                }
            }
            if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
                return r.nextLong();
            }
            return max < Long.MAX_VALUE ? r.nextLong(min, max + 1) : r.nextLong(min - 1, max) + 1;
        };
    }

    static Gen<Character> chars(String alphabet) {
        return r -> alphabet.charAt(r.nextInt(alphabet.length()));
    }

    static Gen<Character> charRange(char first, char last) {
        return r -> (char) r.nextInt(first, last + 1);
    }

    /** Any UTF-16 unit, the troublesome ones (controls, white space, lone surrogates) often. */
    static Gen<Character> anyChar() {
        return frequency(
                w(8, charRange(' ', '~')),
                w(2, chars(" \t\n\r\u000b\f\u001c\u0085\u00a0\u1680\u2003\u2028\u2029\u202f\u3000\ufeff")),
                w(2, oneOf(charRange('\u0000', '\u001f'), charRange('\u007f', '\u009f'))),
                w(1, charRange('\ud800', '\udfff')),
                w(2, charRange('\u00a0', '\u024f')),
                w(5, charRange('\u0000', '\uffff')));
    }

    static Gen<String> strings(Gen<Character> chars, int min, int max) {
        return r -> {
            int n = size(r, min, max);
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                b.append(chars.next(r).charValue());
            }
            return b.toString();
        };
    }

    static Gen<String> anyStrings(int min, int max) {
        return strings(anyChar(), min, max);
    }

    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<T>... choices) {
        return Gen.frequency(choices);
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return Gen.oneOf(gens);
    }

    // ------------------------------------------------------------------------------------------
    // Generators of formats, SKUs, moments and bad pieces
    // ------------------------------------------------------------------------------------------

    static Gen<SpecAndSku> acceptedSpecs() {
        Gen<Spec> specs = specs(1);
        Gen<String> skus = skus();
        Gen<SpecAndSku> items = r -> new SpecAndSku(specs.next(r), skus.next(r));
        return items.filter(c -> c.spec().maxLength(c.sku()) <= SerialNumber.MAX_LENGTH);
    }

    /** Literal pieces and tokens around {@code counters} counters, in any order, spelled in any case. */
    static Gen<Spec> specs(int counters) {
        Gen<List<Piece>> tokens = plainTokens().list(0, 6);
        Gen<Piece> theCounters = counters();
        Gen<Integer> positions = ints(0, 8);
        Gen<String> gaps = frequency(w(2, Gen.just("")), w(3, literals()));
        Gen<Spec> specs = r -> {
            List<Piece> items = new ArrayList<>(tokens.next(r));
            for (int i = 0; i < counters; i++) {
                Piece counter = theCounters.next(r);
                items.add(Math.floorMod(positions.next(r), items.size() + 1), counter);
            }
            List<Piece> pieces = new ArrayList<>();
            for (int i = 0; i <= items.size(); i++) {
                String gap = gaps.next(r);
                if (!gap.isEmpty()) {
                    pieces.add(new Lit(gap));
                }
                if (i < items.size()) {
                    pieces.add(items.get(i));
                }
            }
            return new Spec(List.copyOf(pieces));
        };
        return specs.filter(s -> {
            String t = s.text();
            return !t.isEmpty() && !Character.isWhitespace(t.charAt(0))
                    && !Character.isWhitespace(t.charAt(t.length() - 1));
        });
    }

    static Gen<String> literals() {
        Gen<String> chunk = frequency(
                w(6, strings(chars("ABCXYZabcxyz0123456789-_/.#:,;()+*%&'\"=!?@{}<>|~^$\\é ЖΩ中[]\u00a0"), 1, 12)),
                w(1, Gen.of("😀", "SN-", "ITEM-", "INCNUM", "[INCNUM,NONE,3]", "DATE", "[", "]", "]x[", "%s", "%n",
                        "$1", "—")));
        return chunk.list(1, 3).map(l -> String.join("", l))
                .filter(l -> !l.contains("[[") && !l.contains("]]") && !l.endsWith("["));
    }

    static Gen<Piece> plainTokens() {
        Gen<String> names = Gen.of(PLAIN_TOKENS);
        Gen<Spelling> spellings = spellings();
        return r -> {
            String name = names.next(r);
            return new Tok(name, "[[" + spellings.next(r).of(name) + "]]");
        };
    }

    static Gen<Piece> counters() {
        Gen<Reset> resets = Gen.of(Reset.values());
        Gen<Integer> digitss = ints(1, 18);
        Gen<Long> starts = longs(0, MAX);
        Gen<Integer> forms = ints(0, 2);
        Gen<Spelling> spellings = spellings();
        Gen<NumberSpelling> numberSpellings = numberSpellings();
        return r -> {
            Reset reset = resets.next(r);
            int digits = digitss.next(r);
            long start = starts.next(r);
            int form = forms.next(r);
            Spelling inc = spellings.next(r);
            Spelling rs = spellings.next(r);
            NumberSpelling d = numberSpellings.next(r);
            NumberSpelling s = numberSpellings.next(r);
            return new Counter(reset, digits, form == 0 ? 1 : start,
                    "[[" + inc.of("INCNUM") + "," + rs.of(reset.name()) + "," + d.of(digits)
                            + (form == 0 ? "" : "," + s.of(start)) + "]]");
        };
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

    static Gen<Spelling> spellings() {
        Gen<String> pads = pads();
        Gen<Integer> forms = ints(0, 2);
        return r -> new Spelling(pads.next(r), forms.next(r), pads.next(r));
    }

    static Gen<NumberSpelling> numberSpellings() {
        Gen<String> pads = pads();
        Gen<String> prefixes = Gen.of("", "", "", "+", "0", "00", "+0");
        return r -> new NumberSpelling(pads.next(r), prefixes.next(r), pads.next(r));
    }

    static Gen<String> spelledNames(List<String> names) {
        Gen<String> theNames = Gen.of(names);
        Gen<Spelling> spellings = spellings();
        return r -> {
            String name = theNames.next(r);
            return spellings.next(r).of(name);
        };
    }

    static Gen<String> pads() {
        return frequency(
                w(8, Gen.just("")),
                w(2, Gen.of(" ", "  ", "\t", "\u2003", "\n", " \t ")));
    }

    static Gen<String> skus() {
        Gen<String> skus = frequency(
                w(4, strings(chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./ "), 1, 100)),
                // any characters; control characters left out here, as the filter below would drop them
                w(2, strings(anyChar().filter(c -> !Character.isISOControl(c)), 1, 100)),
                w(1, Gen.of("X", "[[#]]", "[[INCNUM,NONE,1]]", "]]", "a b", "😀", "Ж", "X".repeat(100), "%d",
                        "\u00a0")));
        // SKUs as items have them: no character that a serial (or any code) refuses
        return skus.filter(s -> !s.isBlank() && s.equals(s.strip()) && s.length() <= 100
                && s.chars().noneMatch(Character::isISOControl)
                && s.codePoints().noneMatch(cp -> SerialNumber.refusedCharacter(cp).isPresent()));
    }

    static Gen<String> anySkus() {
        return frequency(
                w(6, skus()),
                w(2, anyStrings(0, 200)),
                w(1, Gen.of("", " ", "\u0000"))).orNull(0.05);
    }

    static Gen<ZonedDateTime> moments() {
        return momentsIn(frequency(w(3, Gen.of(EVERY_ZONE)), w(1, Gen.of(SPECIAL_ZONES))));
    }

    /** Local dates of 1970–2200 (year ends, leap days often), any time of day (DST gaps often), in a zone. */
    static Gen<ZonedDateTime> momentsIn(Gen<ZoneId> zones) {
        long first = LocalDate.of(1970, 1, 1).toEpochDay();
        long last = LocalDate.of(2200, 12, 31).toEpochDay();
        Gen<LocalDate> anyDay = r -> LocalDate.ofEpochDay(r.nextLong(first, last + 1));
        Gen<Integer> years = ints(1970, 2200);
        Gen<MonthDay> edgeDays = Gen.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4),
                MonthDay.of(12, 28), MonthDay.of(12, 29), MonthDay.of(12, 30), MonthDay.of(12, 31),
                MonthDay.of(2, 28), MonthDay.of(2, 29), MonthDay.of(3, 1));
        Gen<LocalDate> edgeDay = r -> {
            int year = years.next(r);
            return edgeDays.next(r).atYear(year);
        };
        Gen<LocalDate> days = frequency(w(3, anyDay), w(1, edgeDay));
        Gen<LocalTime> anyTime = r -> LocalTime.ofSecondOfDay(r.nextInt(86_400)).withNano(r.nextInt(1_000_000_000));
        Gen<LocalTime> times = frequency(w(3, anyTime),
                w(1, Gen.of(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(2, 30), LocalTime.of(1, 30),
                        LocalTime.NOON)));
        return r -> {
            LocalDate day = days.next(r);
            LocalTime time = times.next(r);
            return ZonedDateTime.of(day, time, zones.next(r));
        };
    }

    /** Hostile texts: fragment soup, mutated good formats, arbitrary and very long strings. */
    static Gen<String> hostileTexts() {
        return frequency(
                w(5, soup()),
                w(4, mutatedFormats()),
                w(2, counterLike()),
                w(2, anyStrings(0, 600)),
                w(1, anyStrings(490, 3000)),
                w(1, ints(0, 600).map(k -> "A".repeat(k) + "[[INCNUM,NONE,1]]")),
                w(1, bracketStorms()),
                w(2, specs(1).map(Spec::text)),
                w(1, Gen.of("", " ", "[[", "]]", "[[]]", "[[[[]]]]", ",", "[[INCNUM,NONE,6]]",
                        "[[INCNUM,NONE,18,999999999999999999]]").orNull(0.2)));
    }

    /** Texts that are often accepted formats: good ones, mutated ones, soup. */
    static Gen<String> formatTexts() {
        return frequency(
                w(6, specs(1).map(Spec::text)),
                w(2, mutatedFormats()),
                w(2, counterLike()),
                w(1, soup()));
    }

    static Gen<String> fragments() {
        return frequency(
                w(6, Gen.of("[[", "]]", "[", "]", ",", ",,", " ", "\t", "\n", "\r\n", "\u0000",
                        "\u007f", "\u0085", "\u009f", "\u2028", "\u00a0", "\u3000", "\ufeff", "\ud800", "\udfff",
                        "😀", "-", "#", "\\", "%s", "%n", "$1", "'", "\"")),
                w(5, spelledNames(ALL_TOKENS)),
                w(1, Gen.of("ıncnum", "ſku", "İNCNUM", "ＳＫＵ", "INC NUM", "INCNUMS", "DATES")),
                w(3, Gen.of("NONE", "DAILY", "MONTHLY", "YEARLY", "none", "Daily", "HOURLY", "")),
                w(4, numbers()),
                w(3, Gen.of("[[INCNUM,NONE,6]]", "[[INCNUM,DAILY,4,0]]",
                        "[[INCNUM,YEARLY,18,999999999999999999]]", "[[DATE]]", "[[SKU]]", "[[YEAR]]", "[[INCNUM]]",
                        "[[]]", "[[,]]", "[[INCNUM,NONE,6,]]", "[[ incnum , monthly , 3 , 7 ]]")),
                w(2, anyStrings(0, 6)),
                w(2, strings(chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), 0, 20)));
    }

    static Gen<String> numbers() {
        return frequency(
                w(2, longs(Long.MIN_VALUE, Long.MAX_VALUE).map(String::valueOf)),
                w(1, ints(-5, 25).map(String::valueOf)),
                w(1, Gen.of("-0", "+5", "007", "99999999999999999999", "9223372036854775807",
                        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "999999999999999999",
                        "1000000000000000000", "1e3", "0x1F", "1_000", "١٢", "１２", "٣", "  3  ", "1.0", "NaN", "∞")));
    }

    static Gen<String> soup() {
        return fragments().list(0, 60).map(l -> String.join("", l));
    }

    static Gen<String> counterLike() {
        Gen<String> fragments = fragments();
        Gen<String> numbers = numbers();
        Gen<String> extras = Gen.of("", ",", ",0", ",,");
        return r -> {
            String reset = fragments.next(r);
            String digits = numbers.next(r);
            String start = numbers.next(r);
            String extra = extras.next(r);
            String prefix = fragments.next(r);
            String suffix = fragments.next(r);
            return prefix + "[[INCNUM," + reset + "," + digits + "," + start + extra + "]]" + suffix;
        };
    }

    static Gen<String> mutatedFormats() {
        Gen<String> texts = specs(1).map(Spec::text);
        Gen<String> fragments = fragments();
        Gen<Integer> ats = ints(0, 400);
        Gen<Integer> lengths = ints(0, 8);
        Gen<Integer> operations = ints(0, 3);
        return r -> {
            String text = texts.next(r);
            String fragment = fragments.next(r);
            int i = Math.min(ats.next(r), text.length());
            int j = Math.min(text.length(), i + lengths.next(r));
            return switch (operations.next(r)) {
                case 0 -> text.substring(0, i) + fragment + text.substring(i);
                case 1 -> text.substring(0, i) + text.substring(j);
                case 2 -> text.substring(0, i) + fragment + text.substring(j);
                default -> text.substring(0, j) + text.substring(i);
            };
        };
    }

    static Gen<String> bracketStorms() {
        Gen<Integer> counts = ints(1, 200);
        return oneOf(
                Gen.of("[[", "]]", "[", "]", "[[INCNUM,NONE,3]]", "x", ",", "[[[[", "]]]]")
                        .list(0, 150).map(l -> String.join("", l)),
                counts.map(k -> "[[".repeat(k) + "INCNUM,NONE,3" + "]]".repeat(k)),
                counts.map(k -> "[[INCNUM,NONE,3]]" + "]]".repeat(k)),
                counts.map(k -> "[[INCNUM,NONE,3]]" + "[[".repeat(k)));
    }

    static Gen<String> unknownTokenNames() {
        return frequency(
                w(3, Gen.of("INCNUMS", "INC", "INCNUM2", "DATES", "YEARS", "Y", "YYYY", "MON",
                        "MONTHS", "DAYS", "HOURS", "MIN", "SEC", "WK", "DAYOFYEAR", "SKU1", "S KU", "I NCNUM",
                        "ÍNCNUM", "ＳＫＵ", "#", "", " ", "\t", "\u0000", "😀")),
                w(3, strings(chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789_-# "), 0, 12)),
                w(2, anyStrings(0, 10)))
                .filter(n -> n.chars().noneMatch(c -> c == '[' || c == ']' || c == ','))
                .filter(n -> !ALL_TOKENS.contains(n.strip().toUpperCase(Locale.ROOT)));
    }

    static Gen<String> tokenArgumentsOrNone() {
        return Gen.of("", "", ",NONE,6", ",", ",x,y,z,w", ",DAILY,4,1");
    }

    static Gen<String> resets() {
        return spelledNames(Arrays.stream(Reset.values()).map(Reset::name).toList());
    }

    static Gen<String> badResets() {
        return frequency(
                w(3, Gen.of("HOURLY", "WEEKLY", "QUARTERLY", "NEVER", "DAY", "MONTH", "YEAR",
                        "ANNUAL", "", " ", "NONE1", "N0NE", "DAILYY", "D AILY", "1", "-1", "ÐAILY", "ＮＯＮＥ")),
                w(2, strings(chars("ABCDEFGHIJKLMNOPQRSTUVWXYZnoedaily0123 "), 0, 10)),
                w(1, anyStrings(0, 8)))
                .filter(r -> r.chars().noneMatch(c -> c == '[' || c == ']' || c == ','))
                .filter(r -> Arrays.stream(Reset.values())
                        .noneMatch(v -> v.name().equals(r.strip().toUpperCase(Locale.ROOT))));
    }

    static Gen<String> badDigits() {
        return frequency(
                w(2, longs(Long.MIN_VALUE, 0).map(String::valueOf)),
                w(2, longs(19, Long.MAX_VALUE).map(String::valueOf)),
                w(2, Gen.of("", " ", "x", "1.5", "1e1", "0x10", "99999999999999999999",
                        "9223372036854775808", "-9223372036854775809", "6 6", "六", "--1", "+-1", "∞", "-0")),
                w(1, anyStrings(0, 6)))
                .filter(d -> d.chars().noneMatch(c -> c == '[' || c == ']' || c == ','))
                .filter(d -> !isNumberBetween(d, 1, SerialFormat.MAX_DIGITS));
    }

    static Gen<String> startsOrNone() {
        return frequency(
                w(1, Gen.just("")),
                w(1, longs(0, MAX).map(s -> "," + s)));
    }

    static Gen<String> badStarts() {
        return frequency(
                w(3, longs(Long.MIN_VALUE, -1).map(String::valueOf)),
                w(1, longs(MAX + 1, Long.MAX_VALUE).map(String::valueOf)),
                w(1, Gen.of("", " ", "x", "1.5", "-", "99999999999999999999",
                        "1000000000000000000", "-9223372036854775809", "one")),
                w(1, anyStrings(0, 6)))
                .filter(s -> s.chars().noneMatch(c -> c == '[' || c == ']' || c == ','))
                .filter(s -> !isNumberBetween(s, 0, MAX));
    }

    static Gen<String> wrongArity() {
        Gen<String> names = spelledNames(PLAIN_TOKENS);
        Gen<String> arguments = Gen.of(",", ",4", ",x,y", ", ", ",NONE,6");
        Gen<String> plainWithArguments = r -> {
            String name = names.next(r);
            return "[[" + name + arguments.next(r) + "]]";
        };
        return oneOf(
                Gen.of("[[INCNUM]]", "[[INCNUM,NONE]]", "[[incnum, daily]]", "[[INCNUM,NONE,3,1,1]]",
                        "[[INCNUM,,,,,]]", "[[INCNUM,NONE,3,1,]]"),
                plainWithArguments);
    }

    static Gen<String> junk() {
        return strings(chars("ABCxyz0123456789,-_ #[]"), 0, 10);
    }

    static Gen<Character> controlCharacters() {
        return oneOf(charRange('\u0000', '\u001f'), charRange('\u007f', '\u009f'));
    }

    static Gen<Character> whiteSpace() {
        return Gen.of(' ', '\t', '\n', '\r', '\u000b', '\u001c', '\u2003', '\u3000', '\u2028', '\u1680');
    }
}
