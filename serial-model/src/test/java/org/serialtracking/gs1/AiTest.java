package org.serialtracking.gs1;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AiTest {

    @Test
    void noAiIsThePrefixOfAnother() {
        // what lets an element string be read without brackets
        Set<String> codes = Ai.codes();
        for (String a : codes) {
            for (String b : codes) {
                if (!a.equals(b)) {
                    assertThat(b).as(a + " / " + b).doesNotStartWith(a);
                }
            }
        }
        assertThat(codes).hasSizeGreaterThan(400).contains("00", "01", "21", "235", "3103", "3695", "7003", "8200", "99");
        assertThat(codes).doesNotContain("3106", "3170", "3380", "03", "04", "14", "18", "19", "23", "8300");
    }

    @Test
    void lengthsAndCharsetsFollowTheGs1Table() {
        assertLength("00", 18, 18, true);
        assertLength("01", 14, 14, true);
        assertLength("02", 14, 14, true);
        assertLength("10", 1, 20, false);
        assertLength("17", 6, 6, true);
        assertLength("20", 2, 2, true);
        assertLength("21", 1, 20, false);
        assertLength("235", 1, 28, false);
        assertLength("242", 1, 6, true);
        assertLength("253", 13, 30, false);
        assertLength("30", 1, 8, true);
        assertLength("3103", 6, 6, true);
        assertLength("3922", 1, 15, true);
        assertLength("402", 17, 17, true);
        assertLength("414", 13, 13, true);
        assertLength("421", 4, 12, false);
        assertLength("7003", 10, 10, true);
        assertLength("8005", 6, 6, true);
        assertLength("8006", 18, 18, true);
        assertLength("90", 1, 30, false);
        assertLength("91", 1, 90, false);
    }

    @Test
    void onlyThePredefinedPrefixesNeedNoSeparator() {
        assertThat(Ai.byCode("01").predefinedLength()).isTrue();
        assertThat(Ai.byCode("17").predefinedLength()).isTrue();
        assertThat(Ai.byCode("3103").predefinedLength()).isTrue();
        assertThat(Ai.byCode("414").predefinedLength()).isTrue();
        // fixed length, but outside the predefined table: FNC1 still ends them
        assertThat(Ai.byCode("402").predefinedLength()).isFalse();
        assertThat(Ai.byCode("422").predefinedLength()).isFalse();
        assertThat(Ai.byCode("7003").predefinedLength()).isFalse();
        assertThat(Ai.byCode("8005").predefinedLength()).isFalse();
        assertThat(Ai.byCode("3950").predefinedLength()).isFalse();
        assertThat(Ai.byCode("21").predefinedLength()).isFalse();
    }

    @Test
    void theFirstTwoDigitsFixTheLength() {
        assertThat(Ai.lengthOfPrefix("01")).isEqualTo(2);
        assertThat(Ai.lengthOfPrefix("23")).isEqualTo(3);
        assertThat(Ai.lengthOfPrefix("31")).isEqualTo(4);
        assertThat(Ai.lengthOfPrefix("71")).isEqualTo(3);
        assertThat(Ai.lengthOfPrefix("72")).isEqualTo(4);
        assertThat(Ai.lengthOfPrefix("05")).isZero();
    }

    @Test
    void theFormatReadsAsInTheSpecifications() {
        assertThat(Ai.byCode("253").displayFormat()).isEqualTo("N13+[X..17]");
        assertThat(Ai.byCode("7003").displayFormat()).isEqualTo("N6+N4");
    }

    private static void assertLength(String code, int min, int max, boolean numeric) {
        Ai ai = Ai.byCode(code);
        assertThat(ai).as(code).isNotNull();
        assertThat(ai.minLength()).as(code + " min").isEqualTo(min);
        assertThat(ai.maxLength()).as(code + " max").isEqualTo(max);
        assertThat(ai.numeric()).as(code + " numeric").isEqualTo(numeric);
    }
}
