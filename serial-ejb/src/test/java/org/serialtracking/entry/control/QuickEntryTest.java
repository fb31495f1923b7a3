package org.serialtracking.entry.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The quick entry box: separators, A..B ranges, repeats, and refusals that name the entry. */
class QuickEntryTest {

    @Test
    void readsTheExampleOfTheIssue() {
        QuickEntryResult result = QuickEntry.parse("SN-0001..SN-0010, SN-0042\nSN-0050");

        assertThat(result.serials()).containsExactly("SN-0001", "SN-0002", "SN-0003", "SN-0004", "SN-0005", "SN-0006",
                "SN-0007", "SN-0008", "SN-0009", "SN-0010", "SN-0042", "SN-0050");
        assertThat(result.count()).isEqualTo(12);
        assertThat(result.duplicatesRemoved()).isZero();
    }

    @Test
    void newlinesCommasSemicolonsAndWhiteSpaceSeparate() {
        assertThat(QuickEntry.parse(" A1;A2,,A3\tA4\r\nA5 \u00a0A6\n\n").serials())
                .containsExactly("A1", "A2", "A3", "A4", "A5", "A6");
        assertThat(QuickEntry.parse("").serials()).isEmpty();
        assertThat(QuickEntry.parse(null).serials()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1..A3", "A1 .. A3", "A1.. A3", "A1 ..A3", "A1\t..\u00a0A3"})
    void spacesAroundTheDotsAreAllowed(String text) {
        assertThat(QuickEntry.parse(text).serials()).containsExactly("A1", "A2", "A3");
    }

    @ParameterizedTest
    @CsvSource({
            "A9..A11, A9 A10 A11",
            "SN-0099..SN-0101, SN-0099 SN-0100 SN-0101",
            "A09..A11, A09 A10 A11",
            "A0..A2, A0 A1 A2",
            "LOT-5..LOT-5, LOT-5",
            "sn-1..SN-2, sn-1 sn-2",
            "7-B1..7-B2, 7-B1 7-B2"})
    void aRangeCountsLikeTheGeneratorKeepingTheFirstsWidthAsAMinimum(String text, String expected) {
        assertThat(QuickEntry.parse(text).serials()).containsExactly(expected.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1..\nA3", "A1,..A3", "A1\n..A3", "A1;..;A3"})
    void dotsDoNotJoinAcrossCommasSemicolonsOrLineBreaks(String text) {
        assertThat(refused(text).getMessage()).contains("a range needs a serial on both sides of '..'");
    }

    @Test
    void repeatsAreDroppedCaseInsensitivelyKeepingTheFirst() {
        QuickEntryResult result = QuickEntry.parse("SN-2, sn-1..sn-3, SN-3");

        assertThat(result.serials()).containsExactly("SN-2", "sn-1", "sn-3");
        assertThat(result.duplicatesRemoved()).isEqualTo(2);
    }

    @Test
    void aReversedRangeIsRefusedNamingIt() {
        RuleViolation refusal = refused("SN-1, SN-0010..SN-0001");

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.getMessage()).isEqualTo("'SN-0010..SN-0001': the range runs backwards: SN-0001 comes before SN-0010");
        assertThat(refusal.serials()).containsExactly("SN-0010..SN-0001");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SN-1..LOT-5|'SN-1..LOT-5': SN-1 and LOT-5 differ in more than their number (the text before and after the number must be the same)",
            "A1-X..A5-Y|'A1-X..A5-Y': A1-X and A5-Y differ in more than their number (the text before and after the number must be the same)",
            "A9..A011|'A9..A011': A9 and A011 write their numbers with different widths (counting up from A9 reaches A11)",
            "A1..B|'A1..B': a range counts the number at the end of a serial, but B has no digits",
            "A..B|'A..B': a range counts the number at the end of a serial, but A has no digits"})
    void rangesOfDifferentShapesAreRefusedNamingThem(String text, String message) {
        RuleViolation refusal = refused(text);

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.getMessage()).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A1..|'A1..': a range needs a serial on both sides of '..', as in SN-0001..SN-0010",
            "..A1|'..A1': a range needs a serial on both sides of '..', as in SN-0001..SN-0010",
            "..|'..': a range needs a serial on both sides of '..', as in SN-0001..SN-0010",
            "A1...A3|'A1...A3': write a range as two serials with two dots between them, as in SN-0001..SN-0010",
            "A1..A2..A3|'A1..A2..A3': write a range as two serials with two dots between them, as in SN-0001..SN-0010"})
    void malformedRangesAreRefusedNamingThem(String text, String message) {
        RuleViolation refusal = refused(text);

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.getMessage()).isEqualTo(message);
    }

    @Test
    void anInvalidSerialIsRefusedNamingIt() {
        String tooLong = "X".repeat(101);

        RuleViolation refusal = refused("SN-1 " + tooLong);

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_SERIAL);
        assertThat(refusal.getMessage()).isEqualTo("'" + "X".repeat(40) + "\u2026': a serial number must be at most 100 characters");
        assertThat(refusal.serials()).containsExactly(tooLong);
        assertThat(refused("A\u00071").getMessage()).isEqualTo("'A\u00071': a serial number must not contain control characters (U+0007 at position 2)");
        assertThat(refused("A1..A\u00072").code()).isEqualTo(ErrorCode.INVALID_SERIAL);
    }

    @Test
    void everyBadEntryIsNamedInOneRefusal() {
        RuleViolation refusal = refused("OK-1, B2..B1, OK-2, C\u00011, D1..E2, A1.., F1..F0, G1..G0, H1..H0");

        assertThat(refusal.code()).as("the first problem's").isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.serials()).containsExactly("B2..B1", "C\u00011", "D1..E2", "A1..", "F1..F0", "G1..G0", "H1..H0");
        assertThat(refusal.getMessage()).startsWith("7 entries cannot be read: 'B2..B1': the range runs backwards")
                .contains("; 'C\u00011': a serial number must not contain control characters (U+0001 at position 2); ")
                .endsWith("; and 2 more");
    }

    @Test
    void moreThanAMillionSerialsAreRefusedWithoutGeneratingThem() {
        RuleViolation oneRange = refused("A1..A2000000");
        assertThat(oneRange.code()).isEqualTo(ErrorCode.TOO_MANY_SERIALS);
        assertThat(oneRange.getMessage()).isEqualTo("'A1..A2000000' holds 2,000,000 serial numbers; at most 1,000,000 can be entered at a time");

        RuleViolation together = refused("A1..A600000 B1..B600000");
        assertThat(together.code()).isEqualTo(ErrorCode.TOO_MANY_SERIALS);
        assertThat(together.getMessage()).isEqualTo("The text holds more than 1,000,000 serial numbers; at most 1,000,000 can be entered at a time.");

        assertThat(refused("A1..A99999999999999999999999").code()).isEqualTo(ErrorCode.TOO_MANY_SERIALS);
    }

    @Test
    void theLimitCountsSingleSerialsToo() {
        assertThat(QuickEntry.parse("A1 A2 A3", 3).count()).isEqualTo(3);
        assertThat(catchThrowableOfType(RuleViolation.class, () -> QuickEntry.parse("A1 A2 A3 A4", 3)).code())
                .isEqualTo(ErrorCode.TOO_MANY_SERIALS);
    }

    @Test
    void aMillionSerialsInOneRangeAreAccepted() {
        assertThat(QuickEntry.parse("SN-0000001..SN-1000000").count()).isEqualTo(1_000_000);
    }

    private static RuleViolation refused(String text) {
        RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> QuickEntry.parse(text));
        assertThat(refusal).as("refused: " + text).isNotNull();
        return refusal;
    }
}
