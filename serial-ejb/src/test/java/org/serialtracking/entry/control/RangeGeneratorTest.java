package org.serialtracking.entry.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Numbered ranges: from prefix, numbers, padding and suffix, or by counting up a first serial. */
class RangeGeneratorTest {

    @Test
    void generatesFromPrefixNumbersPaddingAndSuffix() {
        List<String> serials = RangeGenerator.generate(new RangeRequest("SN-", 1L, 10L, null, 4, "-A", null));

        assertThat(serials).containsExactly("SN-0001-A", "SN-0002-A", "SN-0003-A", "SN-0004-A", "SN-0005-A",
                "SN-0006-A", "SN-0007-A", "SN-0008-A", "SN-0009-A", "SN-0010-A");
    }

    @Test
    void aCountInsteadOfAnEndEndsAtStartPlusCountMinusOne() {
        assertThat(RangeGenerator.generate(new RangeRequest("SN-", 1L, null, 10L, 4, "-A", null)))
                .isEqualTo(RangeGenerator.numbered("SN-", 1, 10, 4, "-A"));
        assertThat(RangeGenerator.counted("", 5, 1, 0, "")).containsExactly("5");
    }

    @Test
    void paddingIsAMinimumWidth() {
        assertThat(RangeGenerator.numbered("", 100, 102, 3, "-A")).containsExactly("100-A", "101-A", "102-A");
        assertThat(RangeGenerator.numbered("X", 998, 1001, 3, "")).containsExactly("X998", "X999", "X1000", "X1001");
        assertThat(RangeGenerator.numbered("", 0, 2, 0, "")).containsExactly("0", "1", "2");
    }

    @Test
    void absentPrefixSuffixAndPaddingAreEmpty() {
        assertThat(RangeGenerator.generate(new RangeRequest(null, 7L, 8L, null, null, null, null))).containsExactly("7", "8");
    }

    @Test
    void endAndCountTogetherMustAgree() {
        assertThat(RangeGenerator.generate(new RangeRequest("A", 1L, 3L, 3L, null, null, null))).containsExactly("A1", "A2", "A3");

        RuleViolation refusal = refused(() -> RangeGenerator.generate(new RangeRequest("A", 1L, 5L, 3L, null, null, null)));
        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.getMessage()).isEqualTo("The end number 5 and the count 3 disagree: 3 serials from 1 end at 3.");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        RuleViolation refusal = refused(() -> RangeGenerator.numbered("SN-", 10, 5, 0, ""));

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.code().status()).isEqualTo(422);
        assertThat(refusal.getMessage()).isEqualTo("The end number 5 is before the start number 10.");
    }

    @ParameterizedTest
    @CsvSource({
            "-1, 5, 0, The start number must not be negative (it is -1).",
            "1, -5, 0, The end number must not be negative (it is -5).",
            "1, 5, -2, The padding must not be negative (it is -2)."})
    void negativeNumbersAreRefused(long start, long end, int padding, String message) {
        RuleViolation refusal = refused(() -> RangeGenerator.numbered("SN-", start, end, padding, ""));

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.getMessage()).isEqualTo(message);
    }

    @Test
    void aCountBelowOneIsRefused() {
        assertThat(refused(() -> RangeGenerator.counted("A", 1, 0, 0, "")).getMessage())
                .isEqualTo("The count must be at least 1 (it is 0).");
        assertThat(refused(() -> RangeGenerator.countingFrom("A1", -3)).code()).isEqualTo(ErrorCode.INVALID_RANGE);
    }

    @Test
    void aMillionSerialsAreAllowedButNotOneMore() {
        List<String> million = RangeGenerator.numbered("SN-", 1, 1_000_000, 7, "");
        assertThat(million).hasSize(1_000_000);
        assertThat(million.get(999_999)).isEqualTo("SN-1000000");

        RuleViolation refusal = refused(() -> RangeGenerator.numbered("SN-", 1, 1_000_001, 7, ""));
        assertThat(refusal.code()).isEqualTo(ErrorCode.TOO_MANY_SERIALS);
        assertThat(refusal.getMessage()).isEqualTo("The range from 1 to 1000001 holds 1,000,001 serial numbers; "
                + "at most 1,000,000 can be generated at a time.");
        assertThat(refused(() -> RangeGenerator.counted("SN-", 1, 1_000_001, 0, "")).code()).isEqualTo(ErrorCode.TOO_MANY_SERIALS);
        assertThat(refused(() -> RangeGenerator.countingFrom("SN-1", 2_000_000)).code()).isEqualTo(ErrorCode.TOO_MANY_SERIALS);
        assertThat(refused(() -> RangeGenerator.numbered("", 0, Long.MAX_VALUE, 0, "")).code()).isEqualTo(ErrorCode.TOO_MANY_SERIALS);
    }

    @Test
    void numbersNearTheTopOfTheRangeDoNotOverflow() {
        assertThat(RangeGenerator.numbered("", Long.MAX_VALUE - 1, Long.MAX_VALUE, 0, ""))
                .containsExactly("9223372036854775806", "9223372036854775807");
        assertThat(refused(() -> RangeGenerator.counted("", Long.MAX_VALUE, 2, 0, "")).code()).isEqualTo(ErrorCode.INVALID_RANGE);
    }

    @Test
    void serialsLongerThanASerialMayBeAreRefusedWithoutBuildingThem() {
        RuleViolation refusal = refused(() -> RangeGenerator.numbered("P".repeat(95), 1, 1, 6, ""));
        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.getMessage()).isEqualTo("The serials of this range would be up to 101 characters long; "
                + "a serial number has at most 100.");

        assertThat(refused(() -> RangeGenerator.numbered("", 1, 1, Integer.MAX_VALUE, "")).code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(RangeGenerator.numbered("P".repeat(96), 9998, 9999, 0, "")).allSatisfy(s -> assertThat(s).hasSize(100));
    }

    @Test
    void aPrefixWithAControlCharacterOrALeadingSpaceIsRefused() {
        RuleViolation control = refused(() -> RangeGenerator.numbered("SN\u0007", 1, 2, 0, ""));
        assertThat(control.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(control.getMessage()).endsWith("a serial number must not contain control characters (U+0007 at position 3).");

        assertThat(refused(() -> RangeGenerator.numbered(" SN", 1, 2, 0, "")).getMessage())
                .endsWith("a serial number must not start or end with a space.");
        assertThat(refused(() -> RangeGenerator.numbered("SN", 1, 2, 0, "-A ")).code()).isEqualTo(ErrorCode.INVALID_RANGE);
    }

    @Test
    void countsUpTheLastGroupOfDigitsOfAFirstSerial() {
        assertThat(RangeGenerator.generate(new RangeRequest(null, null, null, 10L, null, null, "bilou-87")))
                .containsExactly("bilou-87", "bilou-88", "bilou-89", "bilou-90", "bilou-91", "bilou-92", "bilou-93",
                        "bilou-94", "bilou-95", "bilou-96");
    }

    @ParameterizedTest
    @CsvSource({
            "SN-0099, 3, SN-0099 SN-0100 SN-0101",
            "A9, 2, A9 A10",
            "LOT7-B12-X, 2, LOT7-B12-X LOT7-B13-X",
            "2024-0999, 2, 2024-0999 2024-1000",
            "0, 3, 0 1 2",
            "' SN-5 ', 2, SN-5 SN-6"})
    void keepsTheWidthOfTheCounterAsAMinimum(String first, long count, String expected) {
        assertThat(RangeGenerator.countingFrom(first, count)).containsExactly(expected.split(" "));
    }

    @Test
    void countsPastWhatALongHolds() {
        // A SIM card's ICCID has 19 or 20 digits.
        assertThat(RangeGenerator.countingFrom("89314404000012345679", 2))
                .containsExactly("89314404000012345679", "89314404000012345680");
        assertThat(RangeGenerator.countingFrom("X99999999999999999999", 2))
                .containsExactly("X99999999999999999999", "X100000000000000000000");
    }

    @Test
    void aFirstSerialWithoutDigitsIsRefused() {
        RuleViolation refusal = refused(() -> RangeGenerator.countingFrom("bilou", 10));

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.getMessage()).isEqualTo("The first serial bilou has no digits to count up: "
                + "the last group of digits is the counter (as in SN-0001).");
        assertThat(refusal.serials()).containsExactly("bilou");
    }

    @Test
    void anInvalidFirstSerialIsRefusedAsAnInvalidSerial() {
        assertThat(refused(() -> RangeGenerator.countingFrom("  ", 1)).code()).isEqualTo(ErrorCode.INVALID_SERIAL);
        assertThat(refused(() -> RangeGenerator.countingFrom("A\u00011", 1)).code()).isEqualTo(ErrorCode.INVALID_SERIAL);
    }

    @Test
    void countingPastTheLongestSerialIsRefused() {
        String first = "P".repeat(98) + "99";

        RuleViolation refusal = refused(() -> RangeGenerator.countingFrom(first, 2));

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_RANGE);
        assertThat(refusal.getMessage()).endsWith("a serial number must be at most 100 characters.");
        assertThat(RangeGenerator.countingFrom(first, 1)).containsExactly(first);
    }

    @Test
    void requestsThatMeanNothingOrTwoThingsAreRefused() {
        assertThat(refused(() -> RangeGenerator.generate(new RangeRequest("SN-", 1L, null, 5L, null, null, "A1"))).getMessage())
                .startsWith("Give either a first serial and a count, or a prefix");
        assertThat(refused(() -> RangeGenerator.generate(new RangeRequest(null, null, null, null, null, null, "A1"))).getMessage())
                .isEqualTo("A range from a first serial needs a count.");
        assertThat(refused(() -> RangeGenerator.generate(new RangeRequest("SN-", null, 5L, null, null, null, null))).getMessage())
                .isEqualTo("The range needs a start number (or a first serial).");
        assertThat(refused(() -> RangeGenerator.generate(new RangeRequest("SN-", 1L, null, null, null, null, null))).getMessage())
                .isEqualTo("The range needs an end number or a count.");
        assertThat(refused(() -> RangeGenerator.generate(null)).code()).isEqualTo(ErrorCode.INVALID_RANGE);
    }

    @Test
    void theFactoriesBuildTheRequestsTheyName() {
        assertThat(RangeGenerator.generate(RangeRequest.numbered("A", 1, 2, 2, "b"))).containsExactly("A01b", "A02b");
        assertThat(RangeGenerator.generate(RangeRequest.counted("A", 1, 2, 2, "b"))).containsExactly("A01b", "A02b");
        assertThat(RangeGenerator.generate(RangeRequest.from("A01b", 2))).containsExactly("A01b", "A02b");
    }

    @Test
    void theResultIsAnImmutableList() {
        List<String> serials = RangeGenerator.numbered("A", 1, 3, 0, "");

        assertThat(serials).isEqualTo(List.of("A1", "A2", "A3"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serials.add("A4")).isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serials.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static RuleViolation refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        RuleViolation refusal = catchThrowableOfType(RuleViolation.class, call);
        assertThat(refusal).as("refused").isNotNull();
        return refusal;
    }
}
