package org.serialtracking.entry.control;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.gs1.Gtin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Serials from an uploaded file: an Excel workbook (.xlsx: the first column of the first sheet), a
 * CSV file (.csv: the first column, comma or semicolon separated) or a text file (.txt: every token,
 * separated by newlines, commas, semicolons or tabs). A first value that reads like a header
 * ("Serial", "Serial number", "SN", …) is skipped; blank values are skipped; values are trimmed;
 * repeats are dropped keeping the first; values that are not serials are listed with their row.
 * <p>
 * A file is refused whole, with a message a clerk can act on, when its type is not one of these,
 * when its content is not what its name says (the first bytes are checked), when it is an old .xls
 * or a password-protected workbook, damaged, larger than the limits, or a zip bomb.
 * <p>
 * Text is read as UTF-8, or UTF-16 when it starts with a byte order mark; a file that is not valid
 * UTF-8 is read as Windows-1252, what Excel writes for "CSV (Comma delimited)" on Western Windows.
 * <p>
 * The upload is copied to a temporary file (deleted before returning) and read from there; the
 * given stream is read up to the size limit and not closed.
 */
public final class SerialImport {

    public static final List<String> EXTENSIONS = List.of("xlsx", "csv", "txt");

    private static final int[] ZIP = {'P', 'K'};
    private static final int[] OLE2 = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    private static final int[] UTF16_LE = {0xFF, 0xFE};
    private static final int[] UTF16_BE = {0xFE, 0xFF};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SerialImport() {
    }

    private enum Kind { XLSX, XLS, CSV, TXT }

    public static ImportResult read(String filename, InputStream in) throws IOException {
        return read(filename, in, ImportLimits.DEFAULTS);
    }

    /** The serials of a file for an item with this GTIN (null: none): GS1 barcode data is read as scans are. */
    public static ImportResult read(String filename, InputStream in, Gtin gtin) throws IOException {
        return read(filename, in, ImportLimits.DEFAULTS, gtin);
    }

    public static ImportResult read(String filename, InputStream in, ImportLimits limits) throws IOException {
        return read(filename, in, limits, null);
    }

    /**
     * @throws RuleViolation for a file that cannot be imported as a whole
     * @throws IOException   when the upload itself cannot be read, or no temporary file written
     */
    public static ImportResult read(String filename, InputStream in, ImportLimits limits, Gtin gtin)
            throws IOException {
        Kind kind = kind(filename);
        try (Upload upload = Upload.spool(in, limits.maxBytes())) {
            if (upload.size() == 0) {
                throw new RuleViolation(ErrorCode.INVALID_FILE, "The file is empty.");
            }
            return switch (kind) {
                case XLSX -> workbook(upload, limits, gtin);
                case XLS -> throw legacyOrEncrypted(upload);
                case CSV, TXT -> text(kind, upload, limits, gtin);
            };
        }
    }

    private static Kind kind(String filename) {
        String name = filename == null ? "" : filename.strip();
        // Some browsers send the whole client path.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "xlsx" -> Kind.XLSX;
            case "xls" -> Kind.XLS;
            case "csv" -> Kind.CSV;
            case "txt" -> Kind.TXT;
            default -> throw new RuleViolation(ErrorCode.UNSUPPORTED_FILE, (extension.isEmpty()
                    ? "The file '" + name + "' has no extension, so its type is unknown."
                    : "Files of type ." + extension + " cannot be imported.")
                    + " Upload an Excel workbook (.xlsx), a CSV file (.csv) or a text file (.txt).");
        };
    }

    private static ImportResult workbook(Upload upload, ImportLimits limits, Gtin gtin) throws IOException {
        if (upload.startsWith(OLE2)) {
            throw legacyOrEncrypted(upload);
        }
        if (!upload.startsWith(ZIP)) {
            throw new RuleViolation(ErrorCode.INVALID_FILE, upload.hasNul()
                    ? "The file is named .xlsx but is not an Excel workbook. Open it in Excel and save it as "
                    + "'Excel Workbook (.xlsx)'."
                    : "The file is named .xlsx but is a text file, not an Excel workbook. If it lists serials, rename it "
                    + ".csv or .txt and upload it again.");
        }
        ImportCollector collector = new ImportCollector(limits.maxSerials(), gtin);
        XlsxReader.read(upload.path(), limits, collector);
        return collector.result();
    }

    /**
     * An OLE2 container is either a legacy .xls (or another old Office file) or, holding an
     * EncryptionInfo stream, a password-protected .xlsx: Office encrypts by wrapping the workbook so.
     */
    private static RuleViolation legacyOrEncrypted(Upload upload) {
        if (upload.startsWith(OLE2) && encrypted(upload)) {
            return new RuleViolation(ErrorCode.ENCRYPTED_FILE, "The workbook is password-protected, so its serials "
                    + "cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt "
                    + "with Password, then clear it), save it and upload it again.");
        }
        return new RuleViolation(ErrorCode.UNSUPPORTED_FILE, "This is an Excel 97-2003 workbook (.xls) or another old "
                + "Office file, which cannot be imported. Open it in Excel and save it as 'Excel Workbook (.xlsx)' "
                + "or as CSV, then upload that file.");
    }

    private static boolean encrypted(Upload upload) {
        try (POIFSFileSystem fs = new POIFSFileSystem(upload.path().toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            // Not a readable OLE2 container: whatever it is, it is not a workbook we read.
            return false;
        }
    }

    private static ImportResult text(Kind kind, Upload upload, ImportLimits limits, Gtin gtin) throws IOException {
        String named = "The file is named ." + kind.name().toLowerCase(Locale.ROOT);
        if (upload.startsWith(ZIP)) {
            throw new RuleViolation(ErrorCode.INVALID_FILE, named + " but is an Excel workbook or another ZIP archive, "
                    + "not text. If it is a workbook, rename it .xlsx; otherwise save the serials as CSV or text.");
        }
        if (upload.startsWith(OLE2)) {
            throw new RuleViolation(ErrorCode.INVALID_FILE, named + " but is an old Excel (.xls) or other Office file, "
                    + "not text. Open it in Excel and save it as CSV.");
        }
        boolean utf16 = upload.startsWith(UTF16_LE) || upload.startsWith(UTF16_BE);
        if (!utf16 && upload.hasNul()) {
            throw new RuleViolation(ErrorCode.INVALID_FILE, named + " but is not a text file. Save the serials as CSV "
                    + "or plain text and upload that file.");
        }
        List<Charset> encodings = utf16 ? List.of(StandardCharsets.UTF_16) : List.of(StandardCharsets.UTF_8, WINDOWS_1252);
        for (Charset charset : encodings) {
            ImportCollector collector = new ImportCollector(limits.maxSerials(), gtin);
            try {
                if (kind == Kind.CSV) {
                    TextReader.csv(upload.path(), charset, collector);
                } else {
                    TextReader.txt(upload.path(), charset, collector);
                }
                return collector.result();
            } catch (CharacterCodingException e) {
                // Not this encoding: try the next one from the start.
            }
        }
        throw new RuleViolation(ErrorCode.INVALID_FILE, named + " but its text cannot be read (unknown character "
                + "encoding). Save it again as 'CSV UTF-8' or as Unicode text.");
    }
}
