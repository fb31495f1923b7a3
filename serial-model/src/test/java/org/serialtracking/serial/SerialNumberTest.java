package org.serialtracking.serial;

import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialNumberTest {

    @Test
    void trimsAndKeepsCaseButComparesCaseInsensitively() {
        SerialNumber sn = SerialNumber.of("  sn-1 ");
        assertThat(sn.value()).isEqualTo("sn-1");
        assertThat(sn.key()).isEqualTo(SerialNumber.of("SN-1").key());
    }

    @Test
    void refusesEmptyTooLongAndControlCharacters() {
        for (String bad : Arrays.asList("", "   ", null, "x".repeat(101), "A\tB", "A\u0000B", "A\u007fB")) {
            assertThatThrownBy(() -> SerialNumber.of(bad))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.code()).isEqualTo(ErrorCode.INVALID_SERIAL));
        }
        assertThat(SerialNumber.of("x".repeat(100)).value()).hasSize(100);
    }

    @Test
    void allOfNamesEveryBadSerial() {
        assertThatThrownBy(() -> SerialNumber.allOf(Arrays.asList("OK-1", "", "BAD\nX", "OK-2")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.INVALID_SERIAL);
                    assertThat(v.serials()).containsExactly("", "BAD\nX");
                });
        assertThat(SerialNumber.allOf(List.of(" a ", "b"))).extracting(SerialNumber::value).containsExactly("a", "b");
    }

    @Test
    void composedAndDecomposedAreOneSerialStoredComposed() {
        SerialNumber composed = SerialNumber.of("CAF\u00c9-1");
        SerialNumber decomposed = SerialNumber.of("CAFE\u0301-1");
        assertThat(decomposed.value()).isEqualTo("CAF\u00c9-1");
        assertThat(decomposed.key()).isEqualTo(composed.key()).isEqualTo("caf\u00e9-1");
    }

    @Test
    void everyUnicodeWhiteSpaceIsTrimmedAndInnerSpacesArePlain() {
        assertThat(SerialNumber.of("SN-1\u00a0").value()).isEqualTo("SN-1");
        assertThat(SerialNumber.of("\u3000\u2007SN-1\u202f\u0085").value()).isEqualTo("SN-1");
        assertThat(SerialNumber.of("SN\u00a01").value()).isEqualTo("SN 1");
        assertThat(SerialNumber.of("SN\u00a01").key()).isEqualTo(SerialNumber.of("sn 1").key());
        assertThatThrownBy(() -> SerialNumber.of("\u00a0\u2003")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void invisibleAndFormatCharactersAreRefusedNamingWhereTheyAre() {
        for (String bad : List.of("SN-1\u200b", "SN\u200d-1", "\ufeffSN-1", "SN-\u2028-1", "SN\u00ad1", "SN\u202e1",
                "SN\u2060", "A\u0085B", "SN\ud800", "SN-\udb40\udc01")) {
            assertThatThrownBy(() -> SerialNumber.of(bad)).as(bad.codePoints().mapToObj(Integer::toHexString).toList().toString())
                    .isInstanceOfSatisfying(RuleViolation.class, v -> {
                        assertThat(v.code()).isEqualTo(ErrorCode.INVALID_SERIAL);
                        assertThat(v.getMessage()).contains("U+").contains("position");
                    });
        }
        assertThat(SerialNumber.problemWith("SN-1\u200b")).hasValueSatisfying(p ->
                assertThat(p).contains("invisible format characters").contains("U+200B").contains("position 5"));
    }

    @Test
    void oneCaseFoldingForEverySigmaSharpSAndDottedI() {
        assertThat(SerialNumber.of("\u03a3-1").key()).isEqualTo(SerialNumber.of("\u03c3-1").key())
                .isEqualTo(SerialNumber.of("\u03c2-1").key());
        assertThat(SerialNumber.of("\u039f\u0394\u039f\u03a3").key()).isEqualTo("\u03bf\u03b4\u03bf\u03c3");
        assertThat(SerialNumber.of("STRASSE").key()).isEqualTo(SerialNumber.of("stra\u00dfe").key())
                .isEqualTo(SerialNumber.of("STRA\u1e9eE").key());
        assertThat(SerialNumber.of("\u0130D-1").key()).isEqualTo("i\u0307d-1");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String hundredEmoji = "\ud83d\ude00".repeat(100);
        assertThat(SerialNumber.of(hundredEmoji).value()).isEqualTo(hundredEmoji);
        assertThatThrownBy(() -> SerialNumber.of(hundredEmoji + "x")).isInstanceOf(RuleViolation.class);
    }
}
