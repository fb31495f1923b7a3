package org.serialtracking.format.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialFormatTest {

    static final ZonedDateTime DEC_1 = ZonedDateTime.of(2024, 12, 1, 9, 5, 7, 0, ZoneId.of("Europe/Paris"));

    @Test
    void theExamplesOfTheIssueHold() {
        SerialFormat sn = SerialFormat.parse("SN-[[INCNUM,NONE,6]]", "X");
        assertThat(LongStream.rangeClosed(1, 2).mapToObj(n -> sn.render("X", DEC_1, n)))
                .containsExactly("SN-000001", "SN-000002");
        assertThat(sn.start()).isEqualTo(1);

        SerialFormat plain = SerialFormat.parse("[[INCNUM,NONE,4,1]]", "X");
        assertThat(plain.render("X", DEC_1, 1)).isEqualTo("0001");
        assertThat(plain.render("X", DEC_1, 2)).isEqualTo("0002");

        SerialFormat monthly = SerialFormat.parse("ITEM-[[YEAR]][[MONTH]]-[[INCNUM,DAILY,4]]", "X");
        assertThat(monthly.render("X", DEC_1, 1)).isEqualTo("ITEM-202412-0001");
        assertThat(monthly.period(DEC_1)).isEqualTo("2024-12-01");
        assertThat(monthly.warnings()).anySatisfy(w -> assertThat(w).contains("numbers repeat"));

        SerialFormat dated = SerialFormat.parse("[[DATE]]-[[INCNUM,NONE,3,1]]", "X");
        assertThat(dated.render("X", DEC_1, 1)).isEqualTo("2024-12-01-001");
        assertThat(dated.render("X", DEC_1, 2)).isEqualTo("2024-12-01-002");
        assertThat(dated.render("X", DEC_1.plusDays(1), 1)).isEqualTo("2024-12-02-001");
        assertThat(dated.context("X", DEC_1)).isNotEqualTo(dated.context("X", DEC_1.plusDays(1)));
        assertThat(dated.period(DEC_1)).isEmpty();
        assertThat(dated.warnings()).isEmpty();
    }

    @Test
    void everyTokenRenders() {
        SerialFormat f = SerialFormat.parse(
                "[[SKU]]/[[DATE]]/[[YEAR]]/[[YY]]/[[MONTH]]/[[DAY]]/[[HOUR]]/[[MINUTE]]/[[SECOND]]/[[WEEK]]/[[DOY]]/"
                        + "[[incnum,yearly,2,7]]", "PUMP-1");
        assertThat(f.render("PUMP-1", DEC_1, 7))
                .isEqualTo("PUMP-1/2024-12-01/2024/24/12/01/09/05/07/48/336/07");
        assertThat(f.reset()).isEqualTo(Reset.YEARLY);
    }

    @Test
    void aCharacterNoSerialMayHoldIsRefusedInTheFormatAndInTheSkuItUses() {
        assertThatThrownBy(() -> SerialFormat.parse("SN\u200b-[[INCNUM,NONE,6]]", "X"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.INVALID_FORMAT);
                    assertThat(v.getMessage()).contains("invisible format characters").contains("U+200B")
                            .contains("position 3");
                });
        assertThatThrownBy(() -> SerialFormat.parse("[[SKU]]-[[INCNUM,NONE,6]]", "PUMP\ufeff"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage())
                        .contains("[[SKU]] cannot be used").contains("U+FEFF"));
        assertThat(SerialFormat.parse("SN-[[INCNUM,NONE,6]]", "PUMP\ufeff").render("PUMP\ufeff", DEC_1, 1))
                .as("a format without [[SKU]] does not care").isEqualTo("SN-000001");
        assertThat(SerialFormat.parse("\ud83d\ude00-[[INCNUM,NONE,2]]", "X").render("X", DEC_1, 1)).isEqualTo("\ud83d\ude00-01");
    }

    @Test
    void aNumberWiderThanItsDigitsIsWrittenInFull() {
        SerialFormat f = SerialFormat.parse("A[[INCNUM,NONE,2]]B", "X");
        assertThat(f.render("X", DEC_1, 12345)).isEqualTo("A12345B");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SN-0001                          | no counter",
            "[[INCNUM,NONE,3]]-[[INCNUM,NONE,3]] | second counter at position 19",
            "SN-[[FOO]]-[[INCNUM,NONE,3]]     | unknown token 'FOO' at position 4",
            "SN-[[INCNUM,HOURLY,3]]           | unknown reset cycle 'HOURLY'",
            "SN-[[INCNUM,NONE,0]]             | digits 0 in the counter at position 4 is out of range",
            "SN-[[INCNUM,NONE,19]]            | digits 19",
            "SN-[[INCNUM,NONE,3,-1]]          | start -1",
            "SN-[[INCNUM,NONE,x]]             | digits 'x'",
            "SN-[[INCNUM,NONE,3                | unclosed '[[' at position 4",
            "SN-]][[INCNUM,NONE,3]]           | ']]' without '[[' at position 4",
            "SN-[[INCNUM,NONE]]               | needs [[INCNUM,reset,digits]]",
            "SN-[[YEAR,4]][[INCNUM,NONE,3]]   | takes no arguments",
            "SN-[[]][[INCNUM,NONE,3]]         | empty token at position 4",
            "SN-[[[[INCNUM,NONE,3]]           | '[[' inside a token at position 6",
    })
    void badFormatsAreRefusedNamingTheProblemAndItsPosition(String format, String problem) {
        assertThatThrownBy(() -> SerialFormat.parse(format, "X"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.INVALID_FORMAT);
                    assertThat(v.getMessage()).contains(problem);
                });
    }

    @Test
    void aFormatThatCouldExceedOneHundredCharactersIsRefused() {
        assertThatThrownBy(() -> SerialFormat.parse("X".repeat(83) + "[[INCNUM,NONE,3]]", "X"))
                .hasMessageContaining("could be 101 characters long");
        assertThat(SerialFormat.parse("X".repeat(82) + "[[INCNUM,NONE,3]]", "X").maxLength("X")).isEqualTo(100);
        assertThatThrownBy(() -> SerialFormat.parse("[[SKU]]-[[INCNUM,NONE,3]]", "S".repeat(82)))
                .hasMessageContaining("could be 101");
    }

    @Test
    void resetsShorterThanTheDateInTheTextWarn() {
        assertThat(SerialFormat.parse("SN-[[INCNUM,DAILY,4]]", "X").warnings()).hasSize(1);
        assertThat(SerialFormat.parse("[[YEAR]]-[[INCNUM,MONTHLY,4]]", "X").warnings()).hasSize(1);
        assertThat(SerialFormat.parse("[[YEAR]][[MONTH]]-[[INCNUM,MONTHLY,4]]", "X").warnings()).isEmpty();
        assertThat(SerialFormat.parse("[[YY]][[DOY]]-[[INCNUM,DAILY,4]]", "X").warnings()).isEmpty();
        assertThat(SerialFormat.parse("[[DATE]]-[[INCNUM,YEARLY,4]]", "X").warnings()).isEmpty();
    }

    @Test
    void periodsFollowTheResetCycle() {
        assertThat(Reset.DAILY.period(DEC_1)).isEqualTo("2024-12-01");
        assertThat(Reset.MONTHLY.period(DEC_1)).isEqualTo("2024-12");
        assertThat(Reset.YEARLY.period(DEC_1)).isEqualTo("2024");
        assertThat(Reset.NONE.period(DEC_1)).isEmpty();
    }
}
