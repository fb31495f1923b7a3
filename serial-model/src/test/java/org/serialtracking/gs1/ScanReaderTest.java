package org.serialtracking.gs1;

import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.gs1.ScanReader.Format;
import org.serialtracking.gs1.ScanReader.Scanned;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanReaderTest {

    private static final Gtin GTIN = Gtin.of("09506000134352");
    private static final String GS = "\u001d";
    private static final String DATAMATRIX = "]d2" + "0109506000134352" + "21SN-0001" + GS + "10LOT42" + GS + "17271231";

    @Test
    void aGs1ScanOfTheItemGivesItsSerialLotAndExpiry() {
        Scanned s = ScanReader.read(DATAMATRIX, GTIN, Format.AUTO);

        assertThat(s).isEqualTo(new Scanned("SN-0001", "LOT42", LocalDate.of(2027, 12, 31)));
        assertThat(ScanReader.read("(01)09506000134352(21)SN-0001(10)LOT42(17)271231", GTIN, Format.AUTO)).isEqualTo(s);
        assertThat(ScanReader.read("https://id.gs1.org/01/09506000134352/21/SN-0001?10=LOT42&17=271231", GTIN,
                Format.GS1)).isEqualTo(s);
    }

    @Test
    void anItemWithoutGtinParsesNothing() {
        // looks like GS1 in parentheses, but the item has no GTIN: a serial as typed
        assertThat(ScanReader.read("(21)ABC", null, Format.AUTO)).isEqualTo(Scanned.plain("(21)ABC"));
        // an element string with a GS is no valid serial: refused as a serial, not read as GS1
        assertThatThrownBy(() -> ScanReader.read(DATAMATRIX, null, Format.AUTO))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(ErrorCode.INVALID_SERIAL));
    }

    @Test
    void aPlainSerialThatLooksLikeAnAiStaysASerialOnAGtinItem() {
        assertThat(ScanReader.read("10012345", GTIN, Format.AUTO)).isEqualTo(Scanned.plain("10012345"));
        assertThat(ScanReader.read("21000017", GTIN, Format.AUTO)).isEqualTo(Scanned.plain("21000017"));
        assertThat(ScanReader.read(" SN-9 ", GTIN, Format.AUTO)).isEqualTo(Scanned.plain("SN-9"));
    }

    @Test
    void plainReadsNothingEvenOnAGtinItem() {
        assertThat(ScanReader.read("(01)09506000134352(21)SN-1", GTIN, Format.PLAIN))
                .isEqualTo(Scanned.plain("(01)09506000134352(21)SN-1"));
    }

    @Test
    void aLabelOfAnotherProductIsRefusedNamingBothGtins() {
        String other = "(01)04006381333931(21)SN-1";

        assertThatThrownBy(() -> ScanReader.read(other, GTIN, Format.AUTO))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.GTIN_MISMATCH);
                    assertThat(v.getMessage()).contains("04006381333931").contains("09506000134352");
                    assertThat(v.serials()).containsExactly(other);
                });
    }

    @Test
    void aGs1ScanWithoutSerialIsRefused() {
        assertThatThrownBy(() -> ScanReader.read("(01)09506000134352(10)LOT42", GTIN, Format.AUTO))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.INVALID_GS1);
                    assertThat(v.getMessage()).contains("AI 21");
                });
    }

    @Test
    void aMalformedScanMeantAsGs1IsRefusedWithThePosition() {
        assertThatThrownBy(() -> ScanReader.read("(01)09506000134353(21)SN-1", GTIN, Format.AUTO))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.INVALID_GS1);
                    assertThat(v.getMessage()).startsWith("position 5:").contains("check digit");
                });
    }

    @Test
    void theGs1FormatReadsEveryEntryAsGs1AndNeedsAGtin() {
        assertThatThrownBy(() -> ScanReader.read("SN-1", GTIN, Format.GS1))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(ErrorCode.INVALID_GS1));
        assertThatThrownBy(() -> ScanReader.read(DATAMATRIX, null, Format.GS1))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.GTIN_MISMATCH);
                    assertThat(v.getMessage()).contains("no GTIN");
                });
    }

    @Test
    void readAllNamesEveryBadEntryInOneRefusal() {
        List<String> entries = List.of("(01)09506000134352(21)A", "(01)04006381333931(21)B", "SN-OK",
                "(01)09506000134352(21)" + "X".repeat(21));

        assertThatThrownBy(() -> ScanReader.readAll(entries, GTIN, Format.AUTO))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.GTIN_MISMATCH);
                    assertThat(v.getMessage()).startsWith("2 entries refused; the first: The barcode is for GTIN");
                    assertThat(v.serials()).containsExactly(entries.get(1), entries.get(3));
                });
        assertThat(ScanReader.readAll(List.of("(01)09506000134352(21)A", "SN-OK"), GTIN, Format.AUTO))
                .extracting(Scanned::serial).containsExactly("A", "SN-OK");
    }

    @Test
    void formatNamesAreCheckedAtTheEdge() {
        assertThat(Format.of(null)).isEqualTo(Format.PLAIN);
        assertThat(Format.of(" plain ")).isEqualTo(Format.PLAIN);
        assertThat(Format.of("Auto")).isEqualTo(Format.AUTO);
        assertThat(Format.of("gs1")).isEqualTo(Format.GS1);
        assertThatThrownBy(() -> Format.of("EAN")).isInstanceOf(RuleViolation.class).hasMessageContaining("EAN");
    }
}
