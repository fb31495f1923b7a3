package org.serialtracking.gs1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtinTest {

    @ParameterizedTest
    @CsvSource({
            "96385074,       00000096385074",  // EAN-8
            "036000291452,   00036000291452",  // UPC-A
            "4006381333931,  04006381333931",  // EAN-13
            "09506000134352, 09506000134352",  // GTIN-14
            "50614141322607, 50614141322607"}) // GTIN-14 with indicator digit 5
    void everyLengthIsHeldAs14Digits(String raw, String value) {
        assertThat(Gtin.of(raw).value()).isEqualTo(value);
        assertThat(Gtin.of(raw).toString()).isEqualTo(value);
        assertThat(Gtin.problemWith(raw)).isEmpty();
    }

    @Test
    void theShortFormAndThePaddedFormAreOneGtin() {
        assertThat(Gtin.of("4006381333931")).isEqualTo(Gtin.of("04006381333931")).isEqualTo(new Gtin(" 4006381333931\n"));
        assertThat(Gtin.of("96385074")).isNotEqualTo(Gtin.of("4006381333931"));
    }

    @ParameterizedTest
    @CsvSource({
            "96385075,       5, 4",
            "036000291453,   3, 2",
            "4006381333932,  2, 1",
            "09506000134353, 3, 2"})
    void aWrongCheckDigitIsRefusedNamingTheExpectedOne(String raw, char found, char expected) {
        assertThatThrownBy(() -> Gtin.of(raw)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_GTIN);
            assertThat(v.getMessage()).isEqualTo("the check digit of GTIN " + raw + " is " + found + ", expected " + expected);
            assertThat(v.serials()).containsExactly(raw);
        });
        assertThat(Gtin.problemWith(raw)).hasValue("the check digit of GTIN " + raw + " is " + found + ", expected " + expected);
    }

    @Test
    void wrongLengthsAreRefused() {
        for (String raw : new String[]{"1234567", "123456789", "12345678901", "123456789012345", "0"}) {
            assertThat(Gtin.problemWith(raw)).as(raw).hasValue("a GTIN has 8, 12, 13 or 14 digits, not " + raw.length());
            assertThatThrownBy(() -> Gtin.of(raw)).isInstanceOfSatisfying(RuleViolation.class,
                    v -> assertThat(v.code()).isEqualTo(ErrorCode.INVALID_GTIN));
        }
    }

    @Test
    void nonDigitsAreRefusedNamingWhere() {
        assertThat(Gtin.problemWith("40063813339A1")).hasValue("a GTIN has digits only: 'A' at position 12 is not a digit");
        assertThat(Gtin.problemWith("4006381 333931")).hasValue("a GTIN has digits only: a space at position 8 is not a digit");
        assertThat(Gtin.problemWith("-4006381333931")).hasValue("a GTIN has digits only: '-' at position 1 is not a digit");
        // Arabic-Indic digits are digits to Character.isDigit, not to a barcode
        assertThat(Gtin.problemWith("\u0664006381333931")).hasValueSatisfying(p -> assertThat(p).contains("U+0664"));
    }

    @Test
    void emptyIsRefused() {
        for (String raw : Arrays.asList(null, "", "  \t")) {
            assertThat(Gtin.problemWith(raw)).hasValue("a GTIN must not be empty");
            assertThatThrownBy(() -> Gtin.of(raw)).isInstanceOfSatisfying(RuleViolation.class, v -> {
                assertThat(v.code()).isEqualTo(ErrorCode.INVALID_GTIN);
                assertThat(v.serials()).containsExactly(raw == null ? "" : raw);
            });
        }
    }

    @Test
    void theCheckDigitIsTheGs1Mod10() {
        assertThat(CheckDigits.mod10("0950600013435", 0, 13)).isEqualTo(2);
        assertThat(CheckDigits.mod10("10614141123456789", 0, 17)).isEqualTo(7); // an SSCC
        assertThat(CheckDigits.mod10("950600013435", 0, 12)).isEqualTo(2);     // a GLN
        assertThat(CheckDigits.mod10("9638507", 0, 7)).isEqualTo(4);
        assertThat(CheckDigits.mod10("0000000", 0, 7)).isEqualTo(0);
        assertThat(CheckDigits.valid("x4006381333931", 1, 14)).isTrue();
        assertThat(CheckDigits.valid("x4006381333930", 1, 14)).isFalse();
    }
}
