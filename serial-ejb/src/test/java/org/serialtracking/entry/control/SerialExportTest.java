package org.serialtracking.entry.control;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Exports as CSV and XLSX: content, formula injection, streaming, and the caller's stream left open. */
class SerialExportTest {

    private static final List<ExportRow> ROWS = List.of(
            new ExportRow("SN-1", "WIDGET", "IN_STOCK", "Main, shelf 2", "ACME", "LOT42", "2027-12-31"),
            new ExportRow("=HYPERLINK(\"http://evil\")", "+SKU", "-1", "@SUM(A1)", "\tTab"),
            new ExportRow("SN-3", null, "SHIPPED", "", "\"Quoted\" Co"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=1+2|'=1+2", "+1|'+1", "-1|'-1", "@SUM(A1)|'@SUM(A1)", "SN-1|SN-1", "a=b|a=b", "'quoted|'quoted", "1-2|1-2"})
    void neutralisesWhatASpreadsheetWouldRunAsAFormula(String value, String expected) {
        assertThat(SerialExport.neutralise(value)).isEqualTo(expected);
    }

    @Test
    void neutralisesLeadingTabsAndCarriageReturnsAndEmptiesNull() {
        assertThat(SerialExport.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(SerialExport.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(SerialExport.neutralise(null)).isEmpty();
        assertThat(SerialExport.neutralise("")).isEmpty();
    }

    @Test
    void writesCsvWithAByteOrderMarkAHeaderAndCrlf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = SerialExport.csv(ROWS.iterator(), out);

        assertThat(written).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "Serial,SKU,Status,Location,Company,Lot,Expiry\r\n"
                + "SN-1,WIDGET,IN_STOCK,\"Main, shelf 2\",ACME,LOT42,2027-12-31\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\")\",'+SKU,'-1,'@SUM(A1),'\tTab,,\r\n"
                + "SN-3,,SHIPPED,,\"\"\"Quoted\"\" Co\",,\r\n");
    }

    @Test
    void writesXlsxWithABoldFrozenHeaderAndNeutralisedTextCells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = SerialExport.xlsx(ROWS.iterator(), out);

        assertThat(written).isEqualTo(3);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = wb.getSheet(SerialExport.SHEET_NAME);
            assertThat(row(sheet, 0)).containsExactly("Serial", "SKU", "Status", "Location", "Company", "Lot", "Expiry");
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(row(sheet, 1)).containsExactly("SN-1", "WIDGET", "IN_STOCK", "Main, shelf 2", "ACME", "LOT42",
                    "2027-12-31");
            assertThat(row(sheet, 2)).containsExactly("'=HYPERLINK(\"http://evil\")", "'+SKU", "'-1", "'@SUM(A1)", "'\tTab", "",
                    "");
            assertThat(row(sheet, 3)).containsExactly("SN-3", "", "SHIPPED", "", "\"Quoted\" Co", "", "");
            assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void anEmptyExportIsJustTheHeader() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();

        assertThat(SerialExport.csv(List.<ExportRow>of().iterator(), csv)).isZero();
        assertThat(SerialExport.xlsx(List.<ExportRow>of().iterator(), xlsx)).isZero();

        assertThat(csv.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFSerial,SKU,Status,Location,Company,Lot,Expiry\r\n");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
        }
    }

    @Test
    void manyMoreRowsThanTheWindowStreamThroughAndImportBack() throws IOException {
        int rows = 5_000;
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();

        assertThat(SerialExport.xlsx(generated(rows), xlsx)).isEqualTo(rows);
        assertThat(SerialExport.csv(generated(rows), csv)).isEqualTo(rows);

        List<String> expected = IntStream.rangeClosed(1, rows).mapToObj(i -> "SN-" + i).toList();
        // The header "Serial" is skipped by the import: an export is a valid import.
        assertThat(SerialImport.read("export.xlsx", new ByteArrayInputStream(xlsx.toByteArray())).serials()).isEqualTo(expected);
        assertThat(SerialImport.read("export.csv", new ByteArrayInputStream(csv.toByteArray())).serials()).isEqualTo(expected);
    }

    @Test
    void theStreamingTemporaryFilesAreDeleted() throws IOException {
        Set<Path> before = poiTempFiles();

        SerialExport.xlsx(generated(500), OutputStream.nullOutputStream());
        catchThrowableOfType(RuleViolation.class, () -> SerialExport.xlsx(generated(500), OutputStream.nullOutputStream(), 100));

        assertThat(poiTempFiles()).isEqualTo(before);
    }

    @Test
    void moreRowsThanASheetHoldsAreRefusedBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> SerialExport.xlsx(generated(11), out, 10));

        assertThat(refusal.code()).isEqualTo(ErrorCode.TOO_MANY_SERIALS);
        assertThat(refusal.getMessage()).isEqualTo("An Excel sheet holds at most 10 serials; export them as CSV instead.");
        assertThat(out.size()).isZero();
        assertThat(SerialExport.XLSX_MAX_ROWS).isEqualTo(1_048_575);
    }

    @Test
    void theCallersStreamIsFlushedButNotClosed() throws IOException {
        TrackingStream csv = new TrackingStream();
        TrackingStream xlsx = new TrackingStream();

        SerialExport.csv(ROWS.iterator(), csv);
        SerialExport.xlsx(ROWS.iterator(), xlsx);

        assertThat(csv.closed).isFalse();
        assertThat(xlsx.closed).isFalse();
        assertThat(csv.flushed).isTrue();
        assertThat(xlsx.size()).isPositive();
    }

    private static final class TrackingStream extends ByteArrayOutputStream {
        boolean closed;
        boolean flushed;

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Iterator<ExportRow> generated(int rows) {
        return IntStream.rangeClosed(1, rows).mapToObj(i -> new ExportRow("SN-" + i, "SKU-" + (i % 7), "IN_STOCK", "Main", "ACME"))
                .iterator();
    }

    private static List<String> row(XSSFSheet sheet, int index) {
        var row = sheet.getRow(index);
        return IntStream.range(0, SerialExport.HEADER.size()).mapToObj(i -> row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue()).toList();
    }

    private static Set<Path> poiTempFiles() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }
}
