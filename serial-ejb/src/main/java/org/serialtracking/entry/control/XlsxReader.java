package org.serialtracking.entry.control;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.ZipPackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first column of the first sheet of an .xlsx, read as a stream: POI's {@link XSSFReader} hands
 * out the parts, and SAX handlers of our own read them (sheet, then only the shared strings column A
 * uses), with parsers from POI's {@link XMLHelper}, which turns external entities off. Nothing holds
 * more than column A in memory. Every part read passes a {@link Guard} against zip bombs, besides
 * POI's own {@link ZipSecureFile} checks.
 */
final class XlsxReader {

    /** An Excel sheet has at most this many rows: more cells in a column means a forged file. */
    static final int MAX_ROWS = 1_048_576;
    /** Excel cells hold at most 32,767 characters; past that, reading on would only fill memory. */
    private static final int RAW_CAP = 40_000;
    /** Below this many unpacked bytes a part is too small for its compression ratio to mean anything. */
    private static final long GRACE_BYTES = 100 * 1024;
    /** Excel rounds numbers to 15 significant digits; so does what the clerk saw. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    static {
        // POI's guards are JVM-wide statics: only ever tighten them, never loosen what someone else set.
        if (ZipSecureFile.getMinInflateRatio() < ImportLimits.MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(ImportLimits.MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > ImportLimits.MAX_UNPACKED_BYTES) {
            ZipSecureFile.setMaxEntrySize(ImportLimits.MAX_UNPACKED_BYTES);
        }
    }

    private XlsxReader() {
    }

    /** A column-A cell: text, or the index of a shared string, or a reason it cannot be a serial. */
    private record Cell(int row, String text, int shared, String problem) {
    }

    static void read(Path file, ImportLimits limits, ImportCollector collector) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            Guard guard = new Guard(limits);
            int[] zeroWidths = zeroPaddedWidths(pkg, guard);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw damaged();
            }
            SheetHandler sheet = new SheetHandler(zeroWidths);
            try (InputStream in = sheets.next()) {
                parse(guard.watch(in, sheets.getSheetPart()), sheet);
            }
            Map<Integer, String> shared = sharedStrings(pkg, guard, sheet.cells);
            for (Cell cell : sheet.cells) {
                if (cell.problem() != null) {
                    collector.reject(cell.row(), cell.text(), cell.problem());
                } else if (cell.shared() >= 0) {
                    String text = shared.get(cell.shared());
                    if (text == null) {
                        throw damaged();
                    }
                    collector.value(cell.row(), text);
                } else {
                    collector.value(cell.row(), cell.text());
                }
            }
        } catch (RuleViolation v) {
            throw v;
        } catch (Exception e) {
            throw translate(e);
        } finally {
            if (pkg != null) {
                // Read-only: revert, as close() would try to save.
                pkg.revert();
            }
        }
    }

    private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        XMLReader parser;
        try {
            parser = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser", e);
        }
        parser.setContentHandler(handler);
        try {
            parser.parse(new InputSource(in));
        } catch (SAXException e) {
            // A Stop means the handler has what it needs; parsers may hand it back wrapped.
            if (!(e instanceof Stop) && !(e.getException() instanceof Stop)) {
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------ styles

    /**
     * For each cell style, the width of a number format made only of zeros ({@code 0000}), else 0.
     * Such a format is how a clerk keeps the leading zeros of a numeric serial; reading {@code 42}
     * where the sheet shows {@code 0042} would import a different serial.
     */
    private static int[] zeroPaddedWidths(OPCPackage pkg, Guard guard) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return new int[0];
        }
        StylesHandler styles = new StylesHandler();
        try (InputStream in = parts.get(0).getInputStream()) {
            parse(guard.watch(in, parts.get(0)), styles);
        }
        int[] widths = new int[styles.formatOfStyle.size()];
        for (int i = 0; i < widths.length; i++) {
            String code = styles.codes.get(styles.formatOfStyle.get(i));
            widths[i] = code != null && code.matches("0+") ? code.length() : 0;
        }
        return widths;
    }

    private static final class StylesHandler extends DefaultHandler {
        final Map<Integer, String> codes = new HashMap<>();
        final List<Integer> formatOfStyle = new ArrayList<>();
        private boolean inCellStyles;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (local(localName, qName)) {
                case "numFmt" -> codes.put(integer(atts.getValue("numFmtId"), 0), atts.getValue("formatCode"));
                case "cellXfs" -> inCellStyles = true;
                case "xf" -> {
                    if (inCellStyles) {
                        formatOfStyle.add(integer(atts.getValue("numFmtId"), 0));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (local(localName, qName).equals("cellXfs")) {
                throw new Stop();
            }
        }
    }

    // ------------------------------------------------------------------ sheet

    private static final class SheetHandler extends DefaultHandler {
        final List<Cell> cells = new ArrayList<>();
        private final int[] zeroWidths;
        private int row;
        private int nextColumn;
        private boolean inCell;
        private boolean inInline;
        private int phonetic;
        private String type;
        private int style;
        private boolean formula;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private final StringBuilder formulaText = new StringBuilder();
        private StringBuilder target;

        SheetHandler(int[] zeroWidths) {
            this.zeroWidths = zeroWidths;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (local(localName, qName)) {
                case "row" -> {
                    // Rows and cells may leave out their reference: they then follow the previous one.
                    String r = atts.getValue("r");
                    row = r != null ? Integer.parseInt(r.strip()) : row + 1;
                    nextColumn = 0;
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    int column = ref != null ? column(ref) : nextColumn;
                    nextColumn = column + 1;
                    inCell = column == 0;
                    if (inCell) {
                        type = atts.getValue("t");
                        style = integer(atts.getValue("s"), 0);
                        formula = false;
                        value.setLength(0);
                        inline.setLength(0);
                        formulaText.setLength(0);
                    }
                }
                case "v" -> target = inCell ? value : null;
                case "f" -> {
                    if (inCell) {
                        formula = true;
                        target = formulaText;
                    }
                }
                case "is" -> inInline = inCell;
                case "rPh" -> phonetic++;
                case "t" -> target = inInline && phonetic == 0 ? inline : null;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (target != null) {
                int room = RAW_CAP - target.length();
                if (room > 0) {
                    target.append(ch, start, Math.min(length, room));
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (local(localName, qName)) {
                case "v", "t", "f" -> target = null;
                case "rPh" -> phonetic--;
                case "is" -> inInline = false;
                case "c" -> {
                    if (inCell) {
                        finishCell();
                        inCell = false;
                    }
                }
                default -> {
                }
            }
        }

        private void finishCell() {
            String v = value.toString();
            switch (type == null ? "n" : type) {
                case "s" -> {
                    if (!v.isBlank()) {
                        add(new Cell(row, null, Integer.parseInt(v.strip()), null));
                    }
                }
                case "inlineStr" -> text(decode(inline.toString()));
                case "str" -> {
                    if (v.isEmpty() && formula) {
                        withoutResult();
                    } else {
                        text(decode(v));
                    }
                }
                case "b" -> {
                    if (!v.isBlank()) {
                        text("1".equals(v.strip()) ? "TRUE" : "FALSE");
                    }
                }
                case "e" -> add(new Cell(row, ImportCollector.clip(v),
                        -1, "the cell shows the error " + v.strip() + " instead of a value"));
                case "d" -> text(v);
                default -> {
                    if (!v.isBlank()) {
                        number(v);
                    } else if (formula) {
                        withoutResult();
                    }
                }
            }
        }

        private void text(String text) {
            if (!text.isBlank()) {
                add(new Cell(row, ImportCollector.clip(text), -1, null));
            }
        }

        private void withoutResult() {
            add(new Cell(row, ImportCollector.clip("=" + formulaText), -1,
                    "the formula has no saved result; open the file in Excel, let it calculate, and save it again"));
        }

        /** Numbers as their plain digits: 1001, never 1001.0 or 1.001E3. */
        private void number(String v) {
            BigDecimal n;
            try {
                n = new BigDecimal(v.strip());
            } catch (NumberFormatException e) {
                text(v);
                return;
            }
            n = n.round(EXCEL_PRECISION).stripTrailingZeros();
            if (n.scale() > SerialNumber.MAX_LENGTH || n.precision() - n.scale() > SerialNumber.MAX_LENGTH) {
                // Written out it would be hundreds of digits: too long, and not worth building.
                add(new Cell(row, n.toString(), -1,
                        "a serial number must be at most " + SerialNumber.MAX_LENGTH + " characters"));
                return;
            }
            if (n.scale() < 0) {
                n = n.setScale(0);
            }
            String plain = n.toPlainString();
            int width = style < zeroWidths.length ? zeroWidths[style] : 0;
            if (width > 1 && n.signum() >= 0 && n.scale() == 0) {
                plain = Digits.pad(plain, width);
            }
            add(new Cell(row, plain, -1, null));
        }

        private void add(Cell cell) {
            if (cells.size() >= MAX_ROWS) {
                throw new RuleViolation(ErrorCode.INVALID_FILE, "The first sheet has more rows than Excel allows ("
                        + EntryLimits.grouped(MAX_ROWS) + "); the file is damaged or was not made by a spreadsheet program.");
            }
            cells.add(cell);
        }

        /** The 0-based column of a reference: A1 is 0, AA7 is 26. */
        private static int column(String ref) {
            int column = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)) && column < 1 << 20; i++) {
                column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }

    // ------------------------------------------------------------------ shared strings

    /** The shared strings column A refers to, and no others: the rest of the table is never kept. */
    private static Map<Integer, String> sharedStrings(OPCPackage pkg, Guard guard, List<Cell> cells) throws Exception {
        int[] needed = cells.stream().filter(c -> c.shared() >= 0).mapToInt(Cell::shared).sorted().distinct().toArray();
        if (needed.length == 0) {
            return Map.of();
        }
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            throw damaged();
        }
        SharedStringsHandler handler = new SharedStringsHandler(needed);
        try (InputStream in = parts.get(0).getInputStream()) {
            parse(guard.watch(in, parts.get(0)), handler);
        }
        return handler.found;
    }

    private static final class SharedStringsHandler extends DefaultHandler {
        final Map<Integer, String> found = new HashMap<>();
        private final int[] needed;
        private int index = -1;
        private boolean keep;
        private boolean inText;
        private int phonetic;
        private final StringBuilder text = new StringBuilder();

        SharedStringsHandler(int[] needed) {
            this.needed = needed;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            switch (local(localName, qName)) {
                case "si" -> {
                    index++;
                    if (index > needed[needed.length - 1]) {
                        throw new Stop();
                    }
                    keep = Arrays.binarySearch(needed, index) >= 0;
                    text.setLength(0);
                }
                case "rPh" -> phonetic++;
                case "t" -> inText = keep && phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                int room = RAW_CAP - text.length();
                if (room > 0) {
                    text.append(ch, start, Math.min(length, room));
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (local(localName, qName)) {
                case "t" -> inText = false;
                case "rPh" -> phonetic--;
                case "si" -> {
                    if (keep) {
                        found.put(index, ImportCollector.clip(decode(text.toString())));
                    }
                }
                default -> {
                }
            }
        }
    }

    // ------------------------------------------------------------------ guards and helpers

    /**
     * Counts what every part unpacks to: all together at most {@code maxUnpackedBytes}, and each
     * part at least {@code minInflateRatio} of compressed bytes per unpacked byte, measured on the
     * bytes really inflated (the sizes a ZIP declares can lie).
     */
    private static final class Guard {
        private final ImportLimits limits;
        private long total;

        Guard(ImportLimits limits) {
            this.limits = limits;
        }

        InputStream watch(InputStream in, PackagePart part) {
            long compressed = part instanceof ZipPackagePart zip && zip.getZipArchive() != null
                    ? zip.getZipArchive().getCompressedSize() : -1;
            return new FilterInputStream(in) {
                private long count;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        counted(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        counted(n);
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(n);
                    counted(skipped);
                    return skipped;
                }

                private void counted(long n) {
                    count += n;
                    total += n;
                    if (total > limits.maxUnpackedBytes()) {
                        throw new RuleViolation(ErrorCode.FILE_TOO_LARGE, "The workbook holds more data than one import "
                                + "can take (over " + Upload.readable(limits.maxUnpackedBytes()) + " once unpacked); split it "
                                + "into smaller files, or save just the serials as CSV.");
                    }
                    if (compressed > 0 && count > GRACE_BYTES && compressed < count * limits.minInflateRatio()) {
                        throw bomb();
                    }
                }
            };
        }
    }

    /** Ends a parse early once a handler has what it needs. */
    private static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("done", null);
        }
    }

    private static String local(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    private static int integer(String value, int otherwise) {
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
    }

    /**
     * Undoes OOXML's escaping of characters XML cannot carry: {@code _x000D_} is a carriage return,
     * {@code _x005F_} an underscore.
     */
    static String decode(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 7 <= s.length() && s.charAt(i) == '_' && s.charAt(i + 1) == 'x' && s.charAt(i + 6) == '_'
                    && isHex(s, i + 2, i + 6)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static RuleViolation translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleViolation v) {
                return v;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("potentially malicious"))) {
                return bomb();
            }
            if (message != null && message.contains("Strict OOXML")) {
                return new RuleViolation(ErrorCode.UNSUPPORTED_FILE, "The workbook is saved as 'Strict Open XML "
                        + "Spreadsheet', which cannot be imported. Open it in Excel and save it as 'Excel Workbook (.xlsx)'.");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return damaged();
    }

    static RuleViolation damaged() {
        return new RuleViolation(ErrorCode.INVALID_FILE, "The workbook is damaged or is not an Excel workbook, so it "
                + "cannot be read. Open it in Excel and save it again as 'Excel Workbook (.xlsx)', or save it as CSV.");
    }

    static RuleViolation bomb() {
        return new RuleViolation(ErrorCode.FILE_TOO_LARGE, "The workbook unpacks to far more data than a spreadsheet "
                + "of its size holds, so it is not read: it may be damaged or built to overload the server. Open it in "
                + "Excel and save it again, or save it as CSV.");
    }
}
