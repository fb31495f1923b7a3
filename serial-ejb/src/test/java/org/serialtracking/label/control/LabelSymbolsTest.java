package org.serialtracking.label.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serialtracking.label.Label;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each symbol carries (the PDF round trips prove the symbols scan as that). */
class LabelSymbolsTest {

    private static final String GTIN = "09506000134352";

    @Test
    void aGs1ElementStringPutsTheFixedLengthFieldsFirst() {
        Label label = new Label("SN-1/a.B", "SKU", "Name", GTIN, "LOT-7", LocalDate.of(2026, 12, 31));

        assertThat(LabelSymbols.gs1ElementString(label)).isEqualTo("[01]09506000134352[17]261231[10]LOT-7[21]SN-1/a.B");
    }

    @Test
    void aGs1ElementStringCarriesOnlyWhatTheLabelHas() {
        assertThat(LabelSymbols.gs1ElementString(new Label("7", null, null, GTIN, null, null)))
                .isEqualTo("[01]09506000134352[21]7");
        assertThat(LabelSymbols.gs1ElementString(new Label("7", null, null, GTIN, null, LocalDate.of(2030, 1, 9))))
                .isEqualTo("[01]09506000134352[17]300109[21]7");
        assertThat(LabelSymbols.gs1ElementString(Label.of("SN-1"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "hash#1", "ABCDEFGHIJ0123456789X", "Ünï", "序列", "a[21]b", "tilde~"})
    void aSerialGs1CannotCarryMakesAPlainDataMatrix(String serial) {
        Label label = new Label(serial, null, null, GTIN, "L1", null);

        assertThat(LabelSymbols.isGs1Field(serial)).isFalse();
        assertThat(LabelSymbols.gs1ElementString(label)).isNull();
        assertThat(LabelSymbols.dataMatrix(label).getDataType()).isNotEqualTo(uk.org.okapibarcode.backend.Symbol.DataType.GS1);
    }

    @Test
    void aLotGs1CannotCarryIsLeftOutOfTheSymbolOnly() {
        Label label = new Label("SN-1", null, null, GTIN, "LOT 7 with spaces", null);

        assertThat(LabelSymbols.gs1ElementString(label)).isEqualTo("[01]09506000134352[21]SN-1");
    }

    @Test
    void gs1TakesTwentyCharactersOfItsSet82() {
        assertThat(LabelSymbols.isGs1Field("ABCDEFGHIJ0123456789")).isTrue();
        assertThat(LabelSymbols.isGs1Field("!\"%&'()*+,-./:;<=>?_")).isTrue();
        assertThat(LabelSymbols.isGs1Field("")).isFalse();
    }

    @Test
    void code128CarriesLatin1Only() {
        assertThat(LabelSymbols.code128(Label.of("Ünïcødé-ß"))).isNotNull();
        assertThat(LabelSymbols.code128(Label.of("€1"))).isNull();
        assertThat(LabelSymbols.code128(Label.of("序列"))).isNull();
        assertThat(LabelSymbols.code128(Label.of("x".repeat(100)))).isNull();   // more than Okapi puts in one symbol
    }

    @Test
    void aSerialHoldingOkapisFunctionCharacterTextGetsNoSymbol() {
        for (String serial : List.of("A\\<FNC1>B", "\\<FNC4>", "x\\<FNC2>\\<FNC3>")) {
            assertThat(LabelSymbols.encodable(serial)).as(serial).isFalse();
            assertThat(LabelSymbols.dataMatrix(Label.of(serial))).isNull();
            assertThat(LabelSymbols.code128(Label.of(serial))).isNull();
        }
        for (String serial : List.of("A\\B", "<FNC1>", "\\<FNC5>", "\\<fnc1>")) {
            assertThat(LabelSymbols.encodable(serial)).as(serial).isTrue();
            assertThat(LabelSymbols.dataMatrix(Label.of(serial))).isNotNull();
        }
    }

    @Test
    void aDataMatrixIsSquare() {
        assertThat(LabelSymbols.dataMatrix(Label.of("x".repeat(100))))
                .satisfies(dm -> assertThat(dm.getWidth()).isEqualTo(dm.getHeight()));
    }
}
