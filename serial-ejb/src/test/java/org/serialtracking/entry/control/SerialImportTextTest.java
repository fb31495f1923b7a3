package org.serialtracking.entry.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serialtracking.entry.control.ImportResult.Rejected;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serialtracking.entry.control.Fixtures.read;

/** Reading serials from CSV and plain text files. */
class SerialImportTextTest {

    @Test
    void readsTheFirstColumnOfASemicolonCsvWithRfc4180Quoting() {
        String csv = "\"Serial\";\"Qty\"\r\n"
                + "\"SN;1\";5\r\n"
                + "SN-2;\"a;b\"\r\n"
                + "\"SN \"\"3\"\"\";1\r\n"
                + ";7\r\n"
                + "\"multi\nline\";1\r\n"
                + "  SN-7  ;1\r\n";

        ImportResult result = read("serials.csv", csv, StandardCharsets.UTF_8);

        assertThat(result.serials()).containsExactly("SN;1", "SN-2", "SN \"3\"", "SN-7");
        assertThat(result.rejected()).containsExactly(
                new Rejected(6, "multi\nline", "a serial number must not contain control characters (U+000A at position 6)"));
    }

    @Test
    void readsACommaCsvWithAByteOrderMarkAndCountsRowsAsASpreadsheetDoes() {
        String csv = "\uFEFFSerial Number,SKU\nSN-1,A\n\nSN-2,\"B, C\"\nsn-1,A\n" + "Z".repeat(150) + ",x\nSN-3";

        ImportResult result = read("serials.csv", csv, StandardCharsets.UTF_8);

        assertThat(result.serials()).containsExactly("SN-1", "SN-2", "SN-3");
        assertThat(result.duplicatesRemoved()).isEqualTo(1);
        assertThat(result.rejected()).extracting(Rejected::row).containsExactly(6);
    }

    @Test
    void aCommaBetweenDigitsIsADecimalCommaNotASeparator() {
        assertThat(TextReader.delimiter("SN-1;12,5\nSN-2;7,25\n")).isEqualTo(';');
        assertThat(TextReader.delimiter("SN-1,12.5\nSN-2,7.25\n")).isEqualTo(',');
        assertThat(TextReader.delimiter("\"a;b\",1\n\"c;d\",2\n")).as("quoted semicolons").isEqualTo(',');
        assertThat(TextReader.delimiter("SN-1\nSN-2\n")).as("one column").isEqualTo(',');

        assertThat(read("eu.csv", "Serial;Gewicht\nSN-1;12,5\nSN-2;7,25\n", StandardCharsets.UTF_8).serials())
                .containsExactly("SN-1", "SN-2");
    }

    @Test
    void aCsvThatIsNotUtf8IsReadAsWindows1252() {
        byte[] ansi = "Serial\nCaf\u00e9-1\nStra\u00dfe-2\n".getBytes(Charset.forName("windows-1252"));

        assertThat(Fixtures.read("ansi.csv", ansi).serials()).containsExactly("Caf\u00e9-1", "Stra\u00dfe-2");
    }

    @Test
    void utf8IsPreferredWhenTheBytesAreValidUtf8() {
        assertThat(read("utf8.csv", "Caf\u00e9-1\n\u65e5\u672c-2\n", StandardCharsets.UTF_8).serials())
                .containsExactly("Caf\u00e9-1", "\u65e5\u672c-2");
    }

    @Test
    void readsEveryTokenOfATextFileWithMixedSeparators() {
        String txt = "Serial\r\nSN-1, SN-2;SN-3\tSN-4\n\n  SN-5  \rSN-6,,sn-1\n" + "Q".repeat(101) + "\nSerial\n";

        ImportResult result = read("serials.txt", txt, StandardCharsets.UTF_8);

        assertThat(result.serials()).containsExactly("SN-1", "SN-2", "SN-3", "SN-4", "SN-5", "SN-6", "Serial");
        assertThat(result.duplicatesRemoved()).isEqualTo(1);
        assertThat(result.rejected()).containsExactly(new Rejected(6, "Q".repeat(100) + "\u2026",
                "a serial number must be at most 100 characters"));
    }

    @Test
    void readsUtf16TextWithAByteOrderMarkAsExcelSavesUnicodeText() {
        byte[] utf16 = "Serial\r\nSN-1\tSN-2\r\nSN-\u00c9\r\n".getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream withBom = new ByteArrayOutputStream();
        withBom.write(0xFF);
        withBom.write(0xFE);
        withBom.writeBytes(utf16);

        assertThat(Fixtures.read("unicode.txt", withBom.toByteArray()).serials()).containsExactly("SN-1", "SN-2", "SN-\u00c9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serial", "SERIAL", "Serial Number", "serial_number", "Serial No.", "serial no", "SN", "sn",
            "S/N", "Serial #", "Serial numbers", "SerialNumber"})
    void aFirstValueThatReadsLikeAHeaderIsSkipped(String header) {
        ImportResult result = read("h.txt", header + "\nSN-1\n", StandardCharsets.UTF_8);

        assertThat(result.serials()).containsExactly("SN-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SN-1", "Serial-1", "SNX", "Seriennummer 4"})
    void aFirstValueThatIsASerialIsKept(String first) {
        assertThat(ImportCollector.isHeader(first)).isFalse();
        assertThat(read("h.txt", first + "\nSN-2\n", StandardCharsets.UTF_8).serials()).containsExactly(first, "SN-2");
    }

    @Test
    void aHeaderAfterBlankLinesIsStillTheFirstValue() {
        assertThat(read("h.csv", "\n\n  \nSerial\nSN-1\n", StandardCharsets.UTF_8).serials()).containsExactly("SN-1");
    }

    @Test
    void atMostAThousandRejectedValuesAreListedButAllAreCounted() {
        StringBuilder txt = new StringBuilder("SN-1\n");
        for (int i = 0; i < 1500; i++) {
            txt.append("bad\u0007").append(i).append('\n');
        }

        ImportResult result = read("many.txt", txt.toString(), StandardCharsets.UTF_8);

        assertThat(result.serials()).containsExactly("SN-1");
        assertThat(result.rejected()).hasSize(ImportResult.MAX_LISTED_REJECTED);
        assertThat(result.rejectedCount()).isEqualTo(1500);
        assertThat(result.rejected().get(0).row()).isEqualTo(2);
    }

    @Test
    void aFileOfOnlyBlanksGivesNoSerials() {
        ImportResult result = read("blank.txt", " \n\t\n,;\n", StandardCharsets.UTF_8);

        assertThat(result.serials()).isEmpty();
        assertThat(result.count()).isZero();
        assertThat(result.rejected()).isEmpty();
    }
}
