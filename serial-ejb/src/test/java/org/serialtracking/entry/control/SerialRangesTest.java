package org.serialtracking.entry.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Serials collapsed into ranges for display, ranges expanded back, and the natural order they follow. */
class SerialRangesTest {

    @Test
    void consecutiveSerialsOfOneShapeJoinOneRange() {
        List<String> serials = new ArrayList<>(RangeGenerator.numbered("SN-", 1, 10, 4, ""));
        serials.add("SN-0042");
        Collections.shuffle(serials, new Random(1));

        List<SerialRange> ranges = SerialRanges.collapse(serials);

        assertThat(ranges).containsExactly(
                new SerialRange("SN-0001", "SN-0010", 10, "SN-0001 \u2013 SN-0010 (10)"),
                new SerialRange("SN-0042", "SN-0042", 1, "SN-0042"));
    }

    @Test
    void shapesDecideWhatJoins() {
        List<SerialRange> ranges = SerialRanges.collapse(List.of(
                "A9", "A10", "A11",             // 9 is one digit wide, 10 and 11 two: two ranges
                "SN-1-A", "SN-2-A", "SN-1-B", "SN-2-B", // same numbers, different suffixes
                "sn-3-A",                       // another prefix (case counts: expanding must give it back)
                "LOT", "lot"));                 // no digits: ranges of one

        assertThat(ranges).extracting(SerialRange::label).containsExactly(
                "A9", "A10 \u2013 A11 (2)", "LOT", "lot", "SN-1-A \u2013 SN-2-A (2)", "SN-1-B \u2013 SN-2-B (2)", "sn-3-A");
    }

    @Test
    void exactRepeatsCountOnce() {
        assertThat(SerialRanges.collapse(List.of("A1", "A2", "A1"))).containsExactly(SerialRange.of("A1", "A2", 2));
        assertThat(SerialRanges.collapse(List.of())).isEmpty();
    }

    @Test
    void carriesAcrossDigitsWithinAWidth() {
        assertThat(SerialRanges.collapse(List.of("X0098", "X0099", "X0100", "X0101")))
                .containsExactly(SerialRange.of("X0098", "X0101", 4));
        assertThat(SerialRanges.collapse(List.of("89314404000012345679", "89314404000012345680")))
                .containsExactly(SerialRange.of("89314404000012345679", "89314404000012345680", 2));
    }

    @Test
    void expandsRangesBack() {
        assertThat(SerialRanges.expand(List.of(SerialRange.of("SN-0009", "SN-0011", 3), SerialRange.single("LOT"))))
                .containsExactly("SN-0009", "SN-0010", "SN-0011", "LOT");
    }

    @Test
    void expandingReadsOnlyFirstAndLast() {
        assertThat(SerialRanges.expand(List.of(new SerialRange("A1", "A3", 99, "whatever")))).containsExactly("A1", "A2", "A3");
    }

    @Test
    void expandingABadRangeIsRefused() {
        RuleViolation reversed = catchThrowableOfType(RuleViolation.class,
                () -> SerialRanges.expand(List.of(SerialRange.of("A3", "A1", 3))));
        assertThat(reversed.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(reversed.getMessage()).isEqualTo("'A3 \u2013 A1': the range runs backwards: A1 comes before A3");

        assertThat(catchThrowableOfType(RuleViolation.class,
                () -> SerialRanges.expand(List.of(SerialRange.of("A1", "B3", 3)))).code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(catchThrowableOfType(RuleViolation.class,
                () -> SerialRanges.expand(List.of(new SerialRange(null, "B3", 3, "")))).code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(catchThrowableOfType(RuleViolation.class,
                () -> SerialRanges.expand(List.of(SerialRange.of("A1", "A3", 3), SerialRange.of("B1", "B3", 3)), 5)).code())
                .isEqualTo(ErrorCode.TOO_MANY_SERIALS);
        assertThat(catchThrowableOfType(RuleViolation.class,
                () -> SerialRanges.expand(List.of(SerialRange.single("")))).code()).isEqualTo(ErrorCode.INVALID_SERIAL);
        assertThat(catchThrowableOfType(RuleViolation.class,
                () -> SerialRanges.expand(List.of(SerialRange.of("A1", "A\u00072", 2)))).code()).isEqualTo(ErrorCode.INVALID_SERIAL);
    }

    /** The property of the issue: for any set of serials, expand(collapse(set)) is the set. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void expandingTheCollapsedRangesGivesBackExactlyTheSet(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 25; round++) {
            Set<String> serials = randomSerials(random, random.nextInt(300));

            List<SerialRange> ranges = SerialRanges.collapse(serials);
            List<String> expanded = SerialRanges.expand(ranges);

            assertThat(expanded).doesNotHaveDuplicates();
            assertThat(new HashSet<>(expanded)).isEqualTo(serials);
            assertThat(ranges).allSatisfy(r -> assertThat(r.count()).isEqualTo(SerialRanges.expand(List.of(r)).size()));
            // Ranges are as long as they can be: no two ranges could be joined.
            assertThat(SerialRanges.collapse(expanded)).isEqualTo(ranges);
        }
    }

    @Test
    void collapsesAHundredThousandSerials() {
        Random random = new Random(42);
        Set<String> serials = new HashSet<>();
        while (serials.size() < 100_000) {
            serials.add("SN-" + String.format("%07d", random.nextInt(400_000)));
        }

        List<SerialRange> ranges = SerialRanges.collapse(serials);

        assertThat(ranges.stream().mapToInt(SerialRange::count).sum()).isEqualTo(100_000);
        assertThat(new HashSet<>(SerialRanges.expand(ranges))).isEqualTo(serials);
    }

    @Test
    void naturalOrderComparesTextThenNumberThenSuffix() {
        List<String> serials = new ArrayList<>(List.of("SN-10", "SN-9", "sn-2", "SN-2", "A10-1", "A2-1", "SN", "SN-2-B",
                "SN-2-A", "SN-002", "B", "a"));
        Collections.shuffle(serials, new Random(3));

        serials.sort(SerialOrder.natural());

        assertThat(serials).containsExactly("a", "A2-1", "A10-1", "B", "SN", "SN-2", "sn-2", "SN-002", "SN-2-A", "SN-2-B",
                "SN-9", "SN-10");
    }

    @Test
    void naturalOrderIsATotalOrder() {
        Random random = new Random(9);
        List<String> serials = new ArrayList<>(randomSerials(random, 400));
        var order = SerialOrder.natural();
        for (int i = 0; i < 3000; i++) {
            String a = serials.get(random.nextInt(serials.size()));
            String b = serials.get(random.nextInt(serials.size()));
            String c = serials.get(random.nextInt(serials.size()));
            assertThat(Integer.signum(order.compare(a, b))).isEqualTo(-Integer.signum(order.compare(b, a)));
            assertThat(order.compare(a, b) == 0).isEqualTo(a.equals(b));
            if (order.compare(a, b) <= 0 && order.compare(b, c) <= 0) {
                assertThat(order.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
            }
        }
    }

    /** Serials built to collide: few prefixes and suffixes, close numbers, several widths, odd ones. */
    static Set<String> randomSerials(Random random, int size) {
        String[] prefixes = {"", "SN-", "sn-", "A", "B1-", "X 9 "};
        String[] suffixes = {"", "-A", "x", "-2B"};
        String[] odd = {"LOT", "lot", "-", "ÄÖ", "\u65e5\u672c", "99999999999999999999"};
        Set<String> serials = new HashSet<>();
        while (serials.size() < size) {
            if (random.nextInt(20) == 0) {
                serials.add(odd[random.nextInt(odd.length)]);
                continue;
            }
            int width = 1 + random.nextInt(4);
            String number = Digits.pad(Integer.toString(random.nextInt(120)), width);
            serials.add(prefixes[random.nextInt(prefixes.length)] + number + suffixes[random.nextInt(suffixes.length)]);
        }
        return serials;
    }
}
