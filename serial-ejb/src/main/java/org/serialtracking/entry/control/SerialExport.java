package org.serialtracking.entry.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Serial exports written as a stream, so a million rows take as little memory as ten: CSV directly,
 * XLSX through POI's SXSSF, which keeps a small window of rows in memory and the rest in a
 * compressed temporary file, deleted when done. Cells that a spreadsheet would run as a formula are
 * neutralised. The caller's stream is flushed, never closed.
 */
public final class SerialExport {

    public static final List<String> HEADER = List.of("Serial", "SKU", "Status", "Location", "Company", "Lot",
            "Expiry");
    public static final String SHEET_NAME = "Serials";
    /** Rows SXSSF keeps in memory; older ones are flushed to the temporary file. */
    public static final int XLSX_WINDOW = 100;
    /** An Excel sheet holds 1,048,576 rows, one of which is the header. */
    public static final int XLSX_MAX_ROWS = 1_048_575;

    private SerialExport() {
    }

    /**
     * RFC 4180 CSV, comma separated, CRLF line ends, UTF-8 with a byte order mark (without one,
     * Excel reads UTF-8 as the local code page and garbles accents), a header line first.
     *
     * @return the number of rows written, header not counted
     */
    public static long csv(Iterator<ExportRow> rows, OutputStream out) throws IOException {
        return csv(HEADER, rows, ExportRow::cells, out);
    }

    /** The same CSV of any rows: {@code header}, then each row's {@code cells}. */
    public static <T> long csv(List<String> header, Iterator<T> rows, Function<T, List<String>> cells,
                               OutputStream out) throws IOException {
        long written = 0;
        Writer writer = new BufferedWriter(new OutputStreamWriter(new KeepOpen(out), StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            while (rows.hasNext()) {
                printer.printRecord(cells.apply(rows.next()).stream().map(SerialExport::neutralise).toList());
                written++;
            }
        }
        out.flush();
        return written;
    }

    /**
     * One sheet of text cells with a bold, frozen header row.
     *
     * @return the number of rows written, header not counted
     * @throws org.serialtracking.common.RuleViolation TOO_MANY_SERIALS past {@link #XLSX_MAX_ROWS}, before
     *                                                 anything is written to {@code out}
     */
    public static long xlsx(Iterator<ExportRow> rows, OutputStream out) throws IOException {
        return xlsx(rows, out, XLSX_MAX_ROWS);
    }

    static long xlsx(Iterator<ExportRow> rows, OutputStream out, int maxRows) throws IOException {
        return xlsx(SHEET_NAME, HEADER, rows, ExportRow::cells, out, maxRows);
    }

    /** The same sheet of any rows, named {@code sheetName}: {@code header}, then each row's {@code cells}. */
    public static <T> long xlsx(String sheetName, List<String> header, Iterator<T> rows,
                                Function<T, List<String>> cells, OutputStream out) throws IOException {
        return xlsx(sheetName, header, rows, cells, out, XLSX_MAX_ROWS);
    }

    private static <T> long xlsx(String sheetName, List<String> header, Iterator<T> rows,
                                 Function<T, List<String>> cells, OutputStream out, int maxRows) throws IOException {
        // Inline strings, not a shared string table: the table would hold every serial in memory.
        // Closing disposes of the temporary files, whether or not the workbook was written.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, XLSX_WINDOW, true, false)) {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row top = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                top.createCell(i).setCellValue(header.get(i));
                top.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 0 ? 24 : 16) * 256);
            }
            sheet.createFreezePane(0, 1);
            int index = 0;
            while (rows.hasNext()) {
                if (index == maxRows) {
                    throw EntryLimits.tooMany("An Excel sheet holds at most " + EntryLimits.grouped(maxRows)
                            + " serials; export them as CSV instead.");
                }
                List<String> values = cells.apply(rows.next());
                Row line = sheet.createRow(++index);
                for (int i = 0; i < values.size(); i++) {
                    line.createCell(i).setCellValue(neutralise(values.get(i)));
                }
            }
            workbook.write(new KeepOpen(out));
            out.flush();
            return index;
        }
    }

    /**
     * A value a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, or a
     * leading tab or carriage return that hides one) gets a leading apostrophe, so opening an export
     * can never run {@code =HYPERLINK(...)} or worse. Null becomes empty.
     */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** The caller owns the stream: writers and POI may close what they are given. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
