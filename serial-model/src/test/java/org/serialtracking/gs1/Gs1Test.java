package org.serialtracking.gs1;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class Gs1Test {

    static final String GS = "\u001d";
    static final Clock CLOCK_2025 = clockIn(2025);
    static final String GTIN = "09506000134352";

    static final String RAW = "01" + GTIN + "21SN-0001" + GS + "10LOT42" + GS + "17271231";
    static final String DATAMATRIX = "]d2" + RAW;
    static final String PARENTHESISED = "(01)09506000134352(21)SN-0001(10)LOT42(17)271231";
    static final String DIGITAL_LINK = "https://id.example.com/01/09506000134352/21/SN-0001?10=LOT42&17=271231";

    static Clock clockIn(int year) {
        return Clock.fixed(Instant.parse(year + "-06-15T10:00:00Z"), ZoneOffset.UTC);
    }

    static Gs1Data parse(String scan) {
        return Gs1.parse(scan, CLOCK_2025);
    }

    /** Asserts the refusal's code, the scan it names and its exact message. */
    static void assertRefused(String scan, String message) {
        assertRefused(scan, CLOCK_2025, message);
    }

    static void assertRefused(String scan, Clock clock, String message) {
        assertThatThrownBy(() -> Gs1.parse(scan, clock)).as(scan).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_GS1);
            assertThat(v.getMessage()).isEqualTo(message);
            assertThat(v.serials()).containsExactly(scan == null ? "" : scan);
        });
    }

    @Nested
    class TheFourFormsOfOneScan {

        @ParameterizedTest
        @ValueSource(strings = {DATAMATRIX, RAW, PARENTHESISED, DIGITAL_LINK})
        void allGiveTheSameData(String scan) {
            Gs1Data data = parse(scan);
            assertThat(data.gtin()).isEqualTo(Gtin.of(GTIN));
            assertThat(data.serial()).isEqualTo("SN-0001");
            assertThat(data.lot()).isEqualTo("LOT42");
            assertThat(data.expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
            assertThat(data.elements()).extracting(Gs1Element::ai, Gs1Element::value).containsExactly(
                    tuple("01", GTIN), tuple("21", "SN-0001"), tuple("10", "LOT42"), tuple("17", "271231"));
            assertThat(data.value("10")).hasValue("LOT42");
            assertThat(data.value("22")).isEmpty();
        }

        @Test
        void elementsSayWhereTheirAiStands() {
            assertThat(parse(DATAMATRIX).elements()).extracting(Gs1Element::position).containsExactly(4, 20, 30, 38);
            assertThat(parse(RAW).elements()).extracting(Gs1Element::position).containsExactly(1, 17, 27, 35);
            assertThat(parse(PARENTHESISED).elements()).extracting(Gs1Element::position).containsExactly(2, 20, 31, 40);
            assertThat(parse(DIGITAL_LINK).elements()).extracting(Gs1Element::position).containsExactly(24, 42, 53, 62);
        }

        @ParameterizedTest
        @ValueSource(strings = {"]C1", "]Q3", "]e0", "]J1", GS, "]d2" + GS})
        void otherSymbologyIdentifiersAndALeadingFnc1AreStripped(String prefix) {
            Gs1Data data = parse(prefix + RAW);
            assertThat(data).isEqualTo(new Gs1Data(Gtin.of(GTIN), "SN-0001", "LOT42", LocalDate.of(2027, 12, 31),
                    data.elements()));
            assertThat(data.elements()).extracting(Gs1Element::position)
                    .containsExactly(prefix.length() + 1, prefix.length() + 17, prefix.length() + 27, prefix.length() + 35);
        }

        @Test
        void theLineEndAScannerAppendsIsIgnored() {
            assertThat(parse(RAW + "\r\n").lot()).isEqualTo("LOT42");
            assertThat(parse("  " + PARENTHESISED + "\n").serial()).isEqualTo("SN-0001");
            assertThat(parse(" " + RAW).elements().get(0).position()).isEqualTo(2);
        }

        @Test
        void withoutAClockTheYearIsTodays() {
            assertThat(Gs1.parse(RAW).expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
        }

        @Test
        void aScanWithoutGtinLeavesItNull() {
            Gs1Data data = parse("00106141411234567897");
            assertThat(data.gtin()).isNull();
            assertThat(data.serial()).isNull();
            assertThat(data.lot()).isNull();
            assertThat(data.expiry()).isNull();
            assertThat(data.value("00")).hasValue("106141411234567897");
        }
    }

    @Nested
    class ElementStrings {

        @Test
        void aPredefinedLengthAiNeedsNoSeparatorBeforeTheNext() {
            Gs1Data data = parse("01" + GTIN + "17271231" + "3103001250" + "10LOT42");
            assertThat(data.gtin().value()).isEqualTo(GTIN);
            assertThat(data.expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
            assertThat(data.value("3103")).hasValue("001250");
            assertThat(data.lot()).isEqualTo("LOT42");
            assertThat(data.elements()).extracting(Gs1Element::position).containsExactly(1, 17, 25, 35);
        }

        @Test
        void aVariableLengthAiRunsToTheSeparatorOrTheEnd() {
            // without GS the expiry is part of the serial, as a scanner would read it too
            assertThat(parse("01" + GTIN + "21SN17271231").serial()).isEqualTo("SN17271231");
            assertThat(parse("01" + GTIN + "21SN17271231").expiry()).isNull();
            assertThat(parse("01" + GTIN + "21SN" + GS + "17271231").serial()).isEqualTo("SN");
        }

        @Test
        void aSeparatorBeforeTheEndAfterAFixedFieldOrDoubledIsHarmless() {
            assertThat(parse(RAW + GS).expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
            assertThat(parse("01" + GTIN + "21SN-0001" + GS).serial()).isEqualTo("SN-0001");
            assertThat(parse("01" + GTIN + GS + "21SN-0001" + GS + GS + "10L").lot()).isEqualTo("L");
        }

        @Test
        void aSerialMayHoldEveryCharacterOfSet82() {
            assertThat(parse("01" + GTIN + "21A/B-C.d" + GS + "10L").serial()).isEqualTo("A/B-C.d");
            assertThat(parse("01" + GTIN + "21!\"%&'()*+,-./:;<=").serial()).isEqualTo("!\"%&'()*+,-./:;<=");
            assertThat(parse("01" + GTIN + "21>?_zZ09").serial()).isEqualTo(">?_zZ09");
        }

        @Test
        void aSerialOf20IsTakenOf21Refused() {
            assertThat(parse("01" + GTIN + "21" + "S".repeat(20)).serial()).hasSize(20);
            assertRefused("01" + GTIN + "21" + "S".repeat(21), "position 19: AI (21) is longer than 20 characters");
            assertRefused("01" + GTIN + "10" + "L".repeat(21) + GS + "21X", "position 19: AI (10) is longer than 20 characters");
        }

        @Test
        void otherAisAreReadByTheirLength() {
            Gs1Data data = parse("00106141411234567897" + "4109506000134352" + "422040" + GS + "7003" + "2712312359"
                    + GS + "253" + "9506000134352ABC" + GS + "421" + "276D-12345" + GS + "8200https://x.example/a");
            assertThat(data.elements()).extracting(Gs1Element::ai, Gs1Element::value).containsExactly(
                    tuple("00", "106141411234567897"), tuple("410", "9506000134352"), tuple("422", "040"),
                    tuple("7003", "2712312359"), tuple("253", "9506000134352ABC"), tuple("421", "276D-12345"),
                    tuple("8200", "https://x.example/a"));
        }

        @Test
        void aFixedLengthAiOutsideThePredefinedTableStillEndsAtTheSeparator() {
            assertRefused("01" + GTIN + "4220401", "position 20: AI (422) must be 3 digits long, not 4");
        }

        @Test
        void anUnknownAiIsRefused() {
            assertRefused("01" + GTIN + "05ABC", "position 17: unknown AI (05)");
            assertRefused("01" + GTIN + "2399", "position 17: unknown AI (239)");
            assertRefused("01" + GTIN + "24x1", "position 17: unknown AI (24x)");
            assertRefused("01" + GTIN + "3106123456", "position 17: unknown AI (3106)");
        }

        @Test
        void whatIsNoAiIsRefused() {
            assertRefused("01" + GTIN + "XY", "position 17: expected an AI, found 'X'");
            assertRefused("01" + GTIN + "1Y", "position 18: expected an AI, found 'Y'");
            assertRefused("01" + GTIN + "3", "position 17: data ends inside an AI");
            assertRefused("01" + GTIN + "310", "position 17: data ends inside an AI (310)");
        }

        @Test
        void aWrongCheckDigitIsRefused() {
            assertRefused("0109506000134353" + "21X", "position 3: AI (01) check digit is 3, expected 2");
            assertRefused("]d20109506000134353", "position 6: AI (01) check digit is 3, expected 2");
            assertRefused("00106141411234567890", "position 3: AI (00) check digit is 0, expected 7");
            assertRefused("01" + GTIN + "4109506000134353", "position 20: AI (410) check digit is 3, expected 2");
        }

        @Test
        void dataEndingInsideAFixedFieldIsRefused() {
            assertRefused("01" + GTIN + "172712", "position 17: data ends inside AI (17), 6 digits expected");
            assertRefused("010950600013435", "position 1: data ends inside AI (01), 14 digits expected");
            assertRefused("01" + GTIN + "172712" + GS + "21X", "position 17: AI (17) has 4 digits before a GS separator, 6 expected");
        }

        @Test
        void anEmptyVariableFieldIsRefused() {
            assertRefused("01" + GTIN + "10" + GS + "21X", "position 19: AI (10) has no data");
            assertRefused("01" + GTIN + "21", "position 19: AI (21) has no data");
        }

        @Test
        void charactersOutsideTheAisSetAreRefused() {
            String set82 = "not in GS1 character set 82 (letters A-Z a-z, digits and !\"%&'()*+,-./:;<=>?_)";
            assertRefused("01" + GTIN + "21SN 1", "position 21: AI (21) may not contain a space: " + set82);
            assertRefused("01" + GTIN + "21SN\u00e9", "position 21: AI (21) may not contain '\u00e9' (U+00E9): " + set82);
            assertRefused("01" + GTIN + "21SN#1", "position 21: AI (21) may not contain '#': " + set82);
            assertRefused("01" + GTIN + "21SN\t1", "position 21: AI (21) may not contain U+0009: " + set82);
            assertRefused("01" + GTIN + "17ABCDEF", "position 19: AI (17) may not contain 'A': digits only");
            assertRefused("0109506A00134352", "position 8: AI (01) may not contain 'A': digits only");
        }

        @Test
        void emptyScansAreRefused() {
            assertRefused(null, "position 1: the scan is empty");
            assertRefused("", "position 1: the scan is empty");
            assertRefused(" \r\n", "position 1: the scan is empty");
            assertRefused("]d2", "position 4: no GS1 data");
            assertRefused(GS + GS, "position 1: no GS1 data");
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @CsvSource({
                "270200, 2027-02-28",  // day 00: the last day of the month
                "280200, 2028-02-29",  // in a leap year
                "000200, 2000-02-29",  // 2000 is a leap year
                "271100, 2027-11-30",
                "271200, 2027-12-31",
                "270229, ",            // no 29 February in 2027
                "280229, 2028-02-29",
                "260101, 2026-01-01"})
        void expiryIsADay(String yymmdd, LocalDate expected) {
            if (expected == null) {
                assertThatThrownBy(() -> parse("(17)" + yymmdd)).isInstanceOf(RuleViolation.class);
            } else {
                assertThat(parse("(01)" + GTIN + "(17)" + yymmdd).expiry()).isEqualTo(expected);
            }
        }

        @Test
        void impossibleDatesAreRefusedNamingTheMonthOrTheDay() {
            assertRefused("(17)271301", "position 7: AI (17) month 13 is not a month");
            assertRefused("(17)270015", "position 7: AI (17) month 00 is not a month");
            assertRefused("(17)270230", "position 9: AI (17) day 30 does not exist in 2027-02");
            assertRefused("(17)270431", "position 9: AI (17) day 31 does not exist in 2027-04");
            assertRefused("01" + GTIN + "17271301", "position 21: AI (17) month 13 is not a month");
            assertRefused("01" + GTIN + "11270132", "position 23: AI (11) day 32 does not exist in 2027-01");
        }

        @Test
        void dayZeroIsOnlyForTheDatesThatAllowIt() {
            assertThat(parse("(01)" + GTIN + "(15)270900").value("15")).hasValue("270900");
            assertRefused("(7006)270900", "position 11: AI (7006) day 00 is not a day");
        }

        @Test
        void theCenturyIsTheOneWithin49YearsBackAnd50Ahead() {
            assertThat(Gs1Reader.year(75, 2025)).isEqualTo(2075);
            assertThat(Gs1Reader.year(76, 2025)).isEqualTo(1976);
            assertThat(Gs1Reader.year(25, 2025)).isEqualTo(2025);
            assertThat(Gs1Reader.year(0, 2025)).isEqualTo(2000);
            assertThat(Gs1Reader.year(50, 2000)).isEqualTo(2050);
            assertThat(Gs1Reader.year(51, 2000)).isEqualTo(1951);
            assertThat(Gs1Reader.year(99, 2000)).isEqualTo(1999);
            assertThat(Gs1Reader.year(10, 2060)).isEqualTo(2110);
            assertThat(Gs1Reader.year(11, 2060)).isEqualTo(2011);
            assertThat(Gs1Reader.year(1, 2099)).isEqualTo(2101);
            assertThat(Gs1Reader.year(49, 2099)).isEqualTo(2149);
            assertThat(Gs1Reader.year(50, 2099)).isEqualTo(2050);
        }

        @Test
        void theClockPlacesTheCentury() {
            assertThat(parse("(17)750101").expiry()).isEqualTo(LocalDate.of(2075, 1, 1));
            assertThat(parse("(17)760101").expiry()).isEqualTo(LocalDate.of(1976, 1, 1));
            assertThat(Gs1.parse("(17)760101", clockIn(2030)).expiry()).isEqualTo(LocalDate.of(2076, 1, 1));
            // a leap day depends on the century: 2000 had one, 2100 will not
            assertThat(parse("(17)000229").expiry()).isEqualTo(LocalDate.of(2000, 2, 29));
            assertRefused("(17)000229", clockIn(2060), "position 9: AI (17) day 29 does not exist in 2100-02");
        }

        @Test
        void timesAreTimesOfDay() {
            assertThat(parse("(7003)2712312359").value("7003")).hasValue("2712312359");
            assertRefused("(7003)2712312460", "position 13: AI (7003) time 2460 is not a time of day (HHMM)");
        }
    }

    @Nested
    class Parenthesised {

        @Test
        void spacesAroundTheBracketsAsPrintedAreDropped() {
            Gs1Data data = parse("(01) 09506000134352 (21) SN-0001 (17) 271231");
            assertThat(data.gtin().value()).isEqualTo(GTIN);
            assertThat(data.serial()).isEqualTo("SN-0001");
            assertThat(data.expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
        }

        @Test
        void anEscapedBracketIsData() {
            Gs1Data data = parse("(01)" + GTIN + "(21)A\\(12)B(10)L(X)");
            assertThat(data.serial()).isEqualTo("A(12)B");
            assertThat(data.lot()).isEqualTo("L(X)");
        }

        @Test
        void lengthsAreCheckedAsInTheElementString() {
            assertRefused("(01)0950600013435", "position 5: AI (01) must be 14 digits long, not 13");
            assertRefused("(01)" + GTIN + "(21)" + "S".repeat(21), "position 23: AI (21) is longer than 20 characters");
            assertRefused("(253)950600013435", "position 6: AI (253) is shorter than 13 characters");
            assertRefused("(7007)270101270", "position 7: AI (7007) does not fit its format N6+[N6] with 9 digits");
            assertRefused("(01)" + GTIN + "(10)(21)X", "position 23: AI (10) has no data");
        }

        @Test
        void aiBracketsMustBeKnownAis() {
            assertRefused("(99)ok(55)x", "position 8: unknown AI (55)");
            assertRefused("(01" + GTIN, "position 1: expected an AI in parentheses such as (01), found '('");
            assertRefused("(3106)123456", "position 2: unknown AI (3106)");
            assertRefused("(253)9506000134353", "position 6: AI (253) check digit is 3, expected 2");
        }
    }

    @Nested
    class DigitalLink {

        @Test
        void theLotMayBeAPathSegment() {
            Gs1Data data = parse("https://id.example.com/01/09506000134352/10/LOT42/21/SN-0001?17=271231");
            assertThat(data.elements()).extracting(Gs1Element::ai, Gs1Element::value).containsExactly(
                    tuple("01", GTIN), tuple("10", "LOT42"), tuple("21", "SN-0001"), tuple("17", "271231"));
            assertThat(data.expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
        }

        @Test
        void anyHostAndPrefixHttpAndOtherParametersAreFine() {
            Gs1Data data = parse("http://example.com/some/prefix/01/09506000134352/21/SN%2F1?linkType=gs1:pip&17=271231"
                    + "&10=L%2B1#top");
            assertThat(data.serial()).isEqualTo("SN/1");
            assertThat(data.lot()).isEqualTo("L+1");
            assertThat(data.expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
            assertThat(data.elements()).extracting(Gs1Element::ai).containsExactly("01", "21", "17", "10");
        }

        @Test
        void percentDecodedCharactersAreCheckedAndPlaced() {
            assertThat(parse("https://e.x/01/09506000134352/21/SN%2D0001").serial()).isEqualTo("SN-0001");
            String set82 = "not in GS1 character set 82 (letters A-Z a-z, digits and !\"%&'()*+,-./:;<=>?_)";
            assertRefused("https://e.x/01/09506000134352/21/SN%201", "position 36: AI (21) may not contain a space: " + set82);
            assertRefused("https://e.x/01/09506000134352/21/SN%C3%A9", "position 36: AI (21) may not contain '\u00e9' (U+00E9): " + set82);
            assertRefused("https://e.x/01/09506000134352/21/SN%2", "position 36: '%' is not followed by two hexadecimal digits");
            assertRefused("https://e.x/01/09506000134352/21/SN%G1", "position 36: '%' is not followed by two hexadecimal digits");
        }

        @Test
        void aShortGtinIsPaddedTo14Digits() {
            Gs1Data data = parse("HTTPS://e.x/01/4006381333931/21/X");
            assertThat(data.gtin().value()).isEqualTo("04006381333931");
            assertThat(data.value("01")).hasValue("04006381333931");
            assertRefused("https://e.x/01/4006381333932", "position 16: AI (01) check digit is 2, expected 1");
        }

        @Test
        void aSegmentReading01InThePrefixIsNoKey() {
            Gs1Data data = parse("https://e.x/01/shop/01/09506000134352/21/X");
            assertThat(data.gtin().value()).isEqualTo(GTIN);
            assertThat(data.serial()).isEqualTo("X");
            assertThat(data.elements().get(0).position()).isEqualTo(21);
        }

        @Test
        void qualifiersComeInTheirOrder() {
            assertRefused("https://e.x/01/09506000134352/21/X/10/L",
                    "position 36: AI (10) cannot stand there in a Digital Link path: after (01) come 22, 10, 21 in this order, or 235");
            assertRefused("https://e.x/01/09506000134352/17/271231",
                    "position 31: AI (17) cannot stand there in a Digital Link path: after (01) come 22, 10, 21 in this order, or 235");
            assertRefused("https://e.x/01/09506000134352/shop/1",
                    "position 31: unknown AI (shop) in a Digital Link path: after (01) come 22, 10, 21 in this order, or 235");
            assertThat(parse("https://e.x/01/09506000134352/22/V1/10/L/21/X").value("22")).hasValue("V1");
            assertThat(parse("https://e.x/00/106141411234567897").value("00")).hasValue("106141411234567897");
            assertRefused("https://e.x/00/106141411234567897/21/X",
                    "position 35: AI (21) cannot stand there in a Digital Link path: after (00) come no other AIs");
        }

        @Test
        void aPathWithoutKeyOrValueIsRefused() {
            assertRefused("https://e.x/products/123", "position 12: the Digital Link path has no GS1 primary key such as /01/{gtin}");
            assertRefused("https://e.x", "position 1: the Digital Link URI has no path, so no GS1 primary key such as /01/{gtin}");
            assertRefused("https://e.x/01/09506000134352/21", "position 31: the Digital Link path ends with /21 and no value after it");
            assertRefused("https://e.x/01/09506000134352/21/", "position 31: the Digital Link path ends with /21 and no value after it");
            assertRefused("https://e.x/01/09506000134352/10//21/X", "position 34: AI (10) has no data");
        }

        @Test
        void queryAisAreChecked() {
            assertRefused("https://e.x/01/09506000134352?17=271301", "position 36: AI (17) month 13 is not a month");
            assertRefused("https://e.x/01/09506000134352?99999=1", "position 31: unknown AI (99999)");
            assertRefused("https://e.x/01/09506000134352?10", "position 33: AI (10) has no data");
        }

        @Test
        void aNonGs1SymbologyIdentifierBeforeAUriIsStripped() {
            assertThat(parse("]Q1" + DIGITAL_LINK).serial()).isEqualTo("SN-0001");
        }
    }

    @Nested
    class RepeatedAis {

        @Test
        void theSameDataTwiceIsTolerated() {
            Gs1Data data = parse("(01)" + GTIN + "(21)SN1(01)" + GTIN);
            assertThat(data.elements()).extracting(Gs1Element::ai).containsExactly("01", "21");
            assertThat(parse(DIGITAL_LINK + "&21=SN-0001").serial()).isEqualTo("SN-0001");
        }

        @Test
        void differentDataIsRefused() {
            assertRefused("(21)A(21)B", "position 7: AI (21) appears twice with different values, 'A' and 'B'");
            assertRefused("01" + GTIN + "21A" + GS + "21B", "position 21: AI (21) appears twice with different values, 'A' and 'B'");
            assertRefused(DIGITAL_LINK + "&21=SN-0002",
                    "position 72: AI (21) appears twice with different values, 'SN-0001' and 'SN-0002'");
        }
    }

    @Nested
    class LooksLikeGs1 {

        @ParameterizedTest
        @ValueSource(strings = {"12345678", "SN-0001", "0112345678", "0109506000134353" + "21X", "0109506000134352",
                "01095060001343521", "0109506000134352XYZ", "010950600013435245", "10012345", "21000017", "(1)x",
                "(12345)x", "(ab)", "]C0SN-1", "]Q1SN-1", "https://example.com/products/01", "https://example.com/p?01=x",
                "ftp://e.x/01/09506000134352", "", "  ", "]d", "A\u00e9", "SN-0001)"})
        void plainSerialsStaySerials(String scan) {
            assertThat(Gs1.looksLikeGs1(scan)).isFalse();
            assertThat(Gs1.parseIfGs1(scan, CLOCK_2025)).isEmpty();
        }

        @Test
        void nullIsNoGs1() {
            assertThat(Gs1.looksLikeGs1(null)).isFalse();
            assertThat(Gs1.parseIfGs1(null)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {DATAMATRIX, RAW, PARENTHESISED, DIGITAL_LINK, "]C1" + RAW, "]Q3" + RAW, "]e0" + RAW,
                " " + RAW + "\r\n", GS + RAW, "0109506000134352" + "21SN", "http://e.x/a/b/01/09506000134352",
                "HTTPS://e.x/01/09506000134352", "]Q1" + DIGITAL_LINK})
        void gs1ScansAreGs1(String scan) {
            assertThat(Gs1.looksLikeGs1(scan)).isTrue();
            assertThat(Gs1.parseIfGs1(scan, CLOCK_2025)).hasValueSatisfying(d -> assertThat(d.gtin().value()).isEqualTo(GTIN));
        }

        @Test
        void theMarksAloneMakeAScanGs1EvenIfItIsNotValid() {
            for (String scan : List.of("]d2SN-0001", "SN" + GS + "1", "(01)123", "(12)x", "https://e.x/01/123",
                    "0109506000134352" + "21")) {
                assertThat(Gs1.looksLikeGs1(scan)).as(scan).isTrue();
                assertThatThrownBy(() -> Gs1.parseIfGs1(scan, CLOCK_2025)).as(scan)
                        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(ErrorCode.INVALID_GS1));
            }
        }

        @Test
        void aSerialThatReadsAsAnElementStringIsStillASerial() {
            // parsed on purpose it is a lot; scanned as a serial it stays one
            assertThat(Gs1.parse("10012345", CLOCK_2025).lot()).isEqualTo("012345");
            assertThat(Gs1.parseIfGs1("10012345", CLOCK_2025)).isEmpty();
            assertThat(Gs1.parse("21000017", CLOCK_2025).serial()).isEqualTo("000017");
            assertThat(Gs1.parseIfGs1("21000017", CLOCK_2025)).isEmpty();
        }
    }
}
