package org.serialtracking.entry.control;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.serialtracking.entry.control.ImportResult.Rejected;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serialtracking.entry.control.Fixtures.read;

/** Reading serials from real .xlsx files: what a clerk's workbook holds, and how it comes out. */
class SerialImportXlsxTest {

    @Test
    void readsTheFirstColumnOfTheFirstSheetAsTheClerkSeesIt() {
        byte[] workbook = Fixtures.xlsx(wb -> {
            XSSFSheet sheet = wb.createSheet("Serials");
            sheet.createRow(0).createCell(0).setCellValue("Serial Number");
            sheet.getRow(0).createCell(1).setCellValue("SKU");
            sheet.createRow(1).createCell(0).setCellValue("SN-0001");
            sheet.getRow(1).createCell(1).setCellValue("WIDGET");
            // row 3 is blank
            sheet.createRow(3).createCell(0).setCellValue(1001.0);
            sheet.createRow(4).createCell(0).setCellFormula("1000+2");
            sheet.createRow(5).createCell(0).setCellFormula("\"SN-\"&TEXT(5,\"0000\")");
            sheet.createRow(6).createCell(0).setCellValue("  sn-0001  ");
            sheet.createRow(7).createCell(0).setCellValue("X".repeat(101));
            sheet.createRow(8).createCell(0).setCellValue(1.001E3);
            sheet.createRow(9).createCell(0).setCellValue(123456789012.0);
            sheet.createRow(10).createCell(0).setCellValue(12.5);
            sheet.createRow(11).createCell(0).setCellValue(true);
            CellStyle padded = wb.createCellStyle();
            padded.setDataFormat(wb.createDataFormat().getFormat("0000"));
            sheet.createRow(12).createCell(0).setCellValue(42);
            sheet.getRow(12).getCell(0).setCellStyle(padded);
            sheet.createRow(13).createCell(0).setCellValue("   ");
            sheet.createRow(14).createCell(1).setCellValue("only column B");
            wb.createSheet("Other").createRow(0).createCell(0).setCellValue("NOT-FROM-THE-FIRST-SHEET");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        ImportResult result = read("serials.xlsx", workbook);

        assertThat(result.serials()).containsExactly("SN-0001", "1001", "1002", "SN-0005", "123456789012", "12.5",
                "TRUE", "0042");
        assertThat(result.count()).isEqualTo(8);
        assertThat(result.duplicatesRemoved()).as("sn-0001 and 1.001E3").isEqualTo(2);
        assertThat(result.rejected()).containsExactly(
                new Rejected(8, "X".repeat(100) + "\u2026", "a serial number must be at most 100 characters"));
        assertThat(result.rejectedCount()).isEqualTo(1);
    }

    @Test
    void theFirstSheetIsTheFirstTabNotTheFirstPartInTheFile() {
        byte[] workbook = Fixtures.xlsx(wb -> {
            wb.createSheet("Old").createRow(0).createCell(0).setCellValue("OLD-1");
            wb.createSheet("Current").createRow(0).createCell(0).setCellValue("NEW-1");
            wb.setSheetOrder("Current", 0);
        });

        assertThat(read("moved.xlsx", workbook).serials()).containsExactly("NEW-1");
    }

    @Test
    void aFormulaWithoutASavedResultAndAnErrorCellAreRejectedWithTheirRows() {
        byte[] workbook = Fixtures.xlsx(wb -> {
            XSSFSheet sheet = wb.createSheet("S");
            sheet.createRow(0).createCell(0).setCellValue("SN-1");
            sheet.createRow(1).createCell(0).setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            // Set after evaluating: a formula Excel never calculated.
            sheet.createRow(2).createCell(0).setCellFormula("B1&\"-X\"");
        });

        ImportResult result = read("formulas.xlsx", workbook);

        assertThat(result.serials()).containsExactly("SN-1");
        assertThat(result.rejected()).extracting(Rejected::row).containsExactly(2, 3);
        assertThat(result.rejected().get(0).reason()).isEqualTo("the cell shows the error #DIV/0! instead of a value");
        assertThat(result.rejected().get(1).value()).isEqualTo("=B1&\"-X\"");
        assertThat(result.rejected().get(1).reason()).contains("no saved result").contains("save it again");
    }

    @Test
    void inlineStringsAsWrittenByStreamingWritersAreRead() throws IOException {
        byte[] workbook;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 10, true, false); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("S");
            sheet.createRow(0).createCell(0).setCellValue("SN");
            for (int i = 1; i <= 50; i++) {
                sheet.createRow(i).createCell(0).setCellValue("IN-" + i);
            }
            wb.write(out);
            workbook = out.toByteArray();
        }

        ImportResult result = read("streamed.xlsx", workbook);

        assertThat(result.count()).isEqualTo(50);
        assertThat(result.serials()).startsWith("IN-1", "IN-2").endsWith("IN-50");
    }

    @Test
    void cellsAndRowsWithoutReferencesFollowThePreviousOne() {
        // References are optional in the format; rich text runs concatenate, phonetic runs are not text.
        byte[] workbook = Fixtures.xlsxWithSheetXml(Fixtures.sheetXml(
                "<row><c t=\"inlineStr\"><is><t>A-1</t></is></c><c t=\"inlineStr\"><is><t>B-1</t></is></c></row>"
                        + "<row><c t=\"inlineStr\"><is><r><t>A-</t></r><r><t>2</t></r><rPh><t>ignored</t></rPh></is></c></row>"
                        + "<row r=\"7\"><c r=\"B7\" t=\"inlineStr\"><is><t>B-7</t></is></c>"
                        + "<c t=\"inlineStr\"><is><t>C-7</t></is></c></row>"
                        + "<row><c t=\"inlineStr\"><is><t>A_x002D_8</t></is></c></row>"
                        + "<row><c t=\"inlineStr\"><is><t>A_x0001_9</t></is></c></row>"));

        ImportResult result = read("hand-made.xlsx", workbook);

        assertThat(result.serials()).containsExactly("A-1", "A-2", "A-8");
        assertThat(result.rejected()).containsExactly(
                new Rejected(9, "A\u00019", "a serial number must not contain control characters (U+0001 at position 2)"));
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = Files.createTempFile("secret", ".txt");
        try {
            Files.writeString(secret, "TOP-SECRET");
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>";
            byte[] workbook = Fixtures.replaceEntry(Fixtures.xlsxColumn("x"), "xl/worksheets/sheet1.xml",
                    xml.getBytes(StandardCharsets.UTF_8));

            var refusal = Fixtures.refusal("xxe.xlsx", workbook);

            assertThat(refusal.code()).isEqualTo(org.serialtracking.common.ErrorCode.INVALID_FILE);
            assertThat(refusal.getMessage()).doesNotContain("TOP-SECRET");
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void onlyTheSharedStringsColumnAUsesAreKeptButAllAreFound() {
        byte[] workbook = Fixtures.xlsx(wb -> {
            XSSFSheet sheet = wb.createSheet("S");
            for (int i = 0; i < 200; i++) {
                var row = sheet.createRow(i);
                row.createCell(1).setCellValue("other-" + i);
                row.createCell(0).setCellValue("SN-" + (199 - i));
                row.createCell(2).setCellValue("more-" + i);
            }
        });

        ImportResult result = read("shared.xlsx", workbook);

        assertThat(result.count()).isEqualTo(200);
        assertThat(result.serials()).startsWith("SN-199").endsWith("SN-0");
    }

    @Test
    void decodesTheEscapesOfCharactersXmlCannotCarry() {
        assertThat(XlsxReader.decode("A_x000D_B")).isEqualTo("A\rB");
        // An escaped underscore keeps what follows literal.
        assertThat(XlsxReader.decode("_x005F_x0041_")).isEqualTo("_x0041_");
        assertThat(XlsxReader.decode("no_xescape_here")).isEqualTo("no_xescape_here");
    }

    @Test
    void anEmptyFirstSheetGivesNoSerials() {
        ImportResult result = read("empty.xlsx", Fixtures.xlsx(wb -> wb.createSheet("Nothing")));

        assertThat(result.serials()).isEmpty();
        assertThat(result.rejected()).isEmpty();
    }
}
