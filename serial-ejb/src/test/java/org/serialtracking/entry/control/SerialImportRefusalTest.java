package org.serialtracking.entry.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.serialtracking.entry.control.Fixtures.refusal;

/** Files refused as a whole: each with its code and a sentence a clerk can act on. */
class SerialImportRefusalTest {

    private static final byte[] TEXT = "SN-1\nSN-2\n".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @ValueSource(strings = {"serials.pdf", "serials.xlsm", "serials.docx", "serials", "serials."})
    void anUnknownExtensionIsUnsupported(String name) {
        RuleViolation refusal = refusal(name, TEXT);

        assertThat(refusal.code()).isEqualTo(ErrorCode.UNSUPPORTED_FILE);
        assertThat(refusal.code().status()).isEqualTo(415);
        assertThat(refusal.getMessage()).contains("Upload an Excel workbook (.xlsx), a CSV file (.csv) or a text file (.txt)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aFileWithoutANameIsUnsupported(String name) {
        assertThat(refusal(name, TEXT).code()).isEqualTo(ErrorCode.UNSUPPORTED_FILE);
    }

    @Test
    void theExtensionIsReadCaseInsensitivelyFromTheLastPathSegment() {
        assertThat(Fixtures.read("C:\\Users\\clerk\\My.Docs\\SERIALS.TXT", TEXT).serials()).containsExactly("SN-1", "SN-2");
    }

    @Test
    void theRefusalNamesTheType() {
        RuleViolation refusal = refusal("serials.pdf", TEXT);
        assertThat(refusal.getMessage()).startsWith("Files of type .pdf cannot be imported.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"old.xls", "renamed.xlsx"})
    void aLegacyXlsIsRefusedEvenWhenNamedXlsx(String name) {
        RuleViolation refusal = refusal(name, Fixtures.xls("SN-1"));

        assertThat(refusal.code()).isEqualTo(ErrorCode.UNSUPPORTED_FILE);
        assertThat(refusal.getMessage()).contains("Excel 97-2003 workbook (.xls)").contains("save it as 'Excel Workbook (.xlsx)'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"locked.xlsx", "locked.xls"})
    void aPasswordProtectedWorkbookIsRefusedSayingSo(String name) {
        byte[] locked = Fixtures.encrypted(Fixtures.xlsxColumn("SN-1"), "secret");

        RuleViolation refusal = refusal(name, locked);

        assertThat(refusal.code()).isEqualTo(ErrorCode.ENCRYPTED_FILE);
        assertThat(refusal.getMessage()).startsWith("The workbook is password-protected").contains("remove the password");
    }

    @Test
    void aTextFileNamedXlsxIsRefusedAsNotAWorkbook() {
        RuleViolation refusal = refusal("serials.xlsx", TEXT);

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(refusal.getMessage()).isEqualTo("The file is named .xlsx but is a text file, not an Excel workbook. "
                + "If it lists serials, rename it .csv or .txt and upload it again.");
    }

    @Test
    void binaryContentNamedXlsxIsRefusedAsNotAWorkbook() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        RuleViolation refusal = refusal("picture.xlsx", png);

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(refusal.getMessage()).startsWith("The file is named .xlsx but is not an Excel workbook.");
    }

    @Test
    void aCorruptZipIsRefusedAsDamaged() {
        byte[] corrupt = new byte[2000];
        new java.util.Random(7).nextBytes(corrupt);
        corrupt[0] = 'P';
        corrupt[1] = 'K';
        corrupt[2] = 3;
        corrupt[3] = 4;

        assertDamaged(refusal("corrupt.xlsx", corrupt));
    }

    @Test
    void aTruncatedWorkbookIsRefusedAsDamaged() {
        byte[] workbook = Fixtures.xlsxColumn("SN-1", "SN-2");

        assertDamaged(refusal("cut.xlsx", Arrays.copyOf(workbook, workbook.length / 2)));
    }

    @Test
    void aZipThatIsNoWorkbookIsRefusedAsDamaged() {
        assertDamaged(refusal("archive.xlsx", Fixtures.zip("readme.txt", "SN-1")));
    }

    @Test
    void aSheetThatIsNotXmlIsRefusedAsDamaged() {
        assertDamaged(refusal("broken.xlsx", Fixtures.xlsxWithSheetXml("<worksheet><sheetData><row>")));
    }

    private static void assertDamaged(RuleViolation refusal) {
        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(refusal.getMessage()).startsWith("The workbook is damaged or is not an Excel workbook");
    }

    @Test
    void aZipBombIsRefused() {
        // 40 MB of sheet XML that deflates to about 40 KB: a ratio of 1:1000, no spreadsheet's.
        String head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>SN-1</t></is></c></row>";
        byte[] bomb = bombWorkbook(head, 40 * 1024 * 1024);

        RuleViolation refusal = refusal("bomb.xlsx", bomb);

        assertThat(bomb.length).isLessThan(200_000);
        assertThat(refusal.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE);
        assertThat(refusal.getMessage()).contains("unpacks to far more data than a spreadsheet of its size holds");
        // With our own ratio guard off, POI's ZipSecureFile still stops it, with the same message.
        ImportLimits poiOnly = new ImportLimits(ImportLimits.MAX_BYTES, 1_000_000, ImportLimits.MAX_UNPACKED_BYTES, 0);
        assertThat(refusal("bomb.xlsx", bomb, poiOnly).getMessage()).isEqualTo(refusal.getMessage());
    }

    @Test
    void ourOwnGuardRefusesAWorkbookThatUnpacksPastTheLimit() {
        String[] serials = IntStream.range(0, 3000).mapToObj(i -> "SN-" + i).toArray(String[]::new);
        ImportLimits small = new ImportLimits(ImportLimits.MAX_BYTES, 1_000_000, 50_000, ImportLimits.MIN_INFLATE_RATIO);

        RuleViolation refusal = refusal("big.xlsx", Fixtures.xlsxColumn(serials), small);

        assertThat(refusal.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE);
        assertThat(refusal.getMessage()).contains("more data than one import can take (over 48.8 KB once unpacked)");
        // The same workbook passes the real limits.
        assertThat(Fixtures.read("big.xlsx", Fixtures.xlsxColumn(serials)).count()).isEqualTo(3000);
    }

    @Test
    void ourOwnGuardRefusesACompressionRatioBelowTheLimit() {
        String[] serials = IntStream.range(0, 20_000).mapToObj(i -> "SN-" + i).toArray(String[]::new);
        // Ordinary sheet XML compresses about 1:10; demand better than 1:2 and it is a "bomb".
        ImportLimits strict = new ImportLimits(ImportLimits.MAX_BYTES, 1_000_000, ImportLimits.MAX_UNPACKED_BYTES, 0.5);

        RuleViolation refusal = refusal("ratio.xlsx", Fixtures.xlsxColumn(serials), strict);

        assertThat(refusal.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE);
        assertThat(refusal.getMessage()).contains("unpacks to far more data");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWhileReading() {
        ImportLimits oneMegabyte = new ImportLimits(1024 * 1024, 1_000_000, ImportLimits.MAX_UNPACKED_BYTES, 0.01);
        // An endless upload: whatever size was declared, reading stops past the limit.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'A';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'A');
                return len;
            }
        };

        RuleViolation refusal = catchThrowableOfType(RuleViolation.class,
                () -> SerialImport.read("endless.txt", endless, oneMegabyte));

        assertThat(refusal.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE);
        assertThat(refusal.code().status()).isEqualTo(413);
        assertThat(refusal.getMessage()).isEqualTo("The file is larger than 1 MB, the most one import can take; "
                + "split it into smaller files.");
    }

    @Test
    void theDefaultSizeLimitIsFiftyMegabytes() {
        assertThat(ImportLimits.DEFAULTS.maxBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(ImportLimits.DEFAULTS.maxSerials()).isEqualTo(1_000_000);
        assertThat(Upload.readable(ImportLimits.MAX_BYTES)).isEqualTo("50 MB");
    }

    @Test
    void moreSerialsThanTheLimitAreRefusedButRepeatsDoNotCount() {
        ImportLimits five = new ImportLimits(ImportLimits.MAX_BYTES, 5, ImportLimits.MAX_UNPACKED_BYTES, 0.01);
        byte[] fiveWithRepeats = "SN-1\nSN-2\nSN-3\nsn-3\nSN-4\nSN-5\nSN-1\n".getBytes(StandardCharsets.US_ASCII);
        byte[] six = "SN-1\nSN-2\nSN-3\nSN-4\nSN-5\nSN-6\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(Fixtures.read("five.txt", fiveWithRepeats, five).count()).isEqualTo(5);
        RuleViolation refusal = refusal("six.txt", six, five);
        assertThat(refusal.code()).isEqualTo(ErrorCode.TOO_MANY_SERIALS);
        assertThat(refusal.getMessage()).isEqualTo("The file holds more than 5 serial numbers, the most one import "
                + "can take; split it into smaller files.");
        assertThat(refusal("six.xlsx", Fixtures.xlsxColumn("SN-1", "SN-2", "SN-3", "SN-4", "SN-5", "SN-6"), five).code())
                .isEqualTo(ErrorCode.TOO_MANY_SERIALS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.csv", "empty.txt", "empty.xlsx"})
    void anEmptyFileIsRefused(String name) {
        RuleViolation refusal = refusal(name, new byte[0]);

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(refusal.getMessage()).isEqualTo("The file is empty.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serials.csv", "serials.txt"})
    void aWorkbookNamedAsTextIsRefused(String name) {
        RuleViolation refusal = refusal(name, Fixtures.xlsxColumn("SN-1"));

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(refusal.getMessage()).contains("but is an Excel workbook or another ZIP archive, not text");
    }

    @Test
    void aLegacyWorkbookNamedAsTextIsRefused() {
        RuleViolation refusal = refusal("serials.csv", Fixtures.xls("SN-1"));

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(refusal.getMessage()).startsWith("The file is named .csv but is an old Excel (.xls) or other Office file");
    }

    @Test
    void binaryContentNamedAsTextIsRefused() {
        byte[] binary = {'S', 'N', 0, 1, 2, (byte) 0xFF, 0, 'x'};

        RuleViolation refusal = refusal("serials.txt", binary);

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(refusal.getMessage()).startsWith("The file is named .txt but is not a text file.");
    }

    @Test
    void textInNoKnownEncodingIsRefused() {
        // 0x81 is neither valid UTF-8 on its own nor a Windows-1252 character.
        byte[] undecodable = {'S', 'N', '-', (byte) 0x81, '\n'};

        RuleViolation refusal = refusal("serials.csv", undecodable);

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(refusal.getMessage()).contains("its text cannot be read (unknown character encoding)");
    }

    @Test
    void anUnclosedQuoteInACsvIsRefusedWithItsLine() {
        byte[] csv = "SN-1\nSN-2\n\"SN-3\nSN-4\n".getBytes(StandardCharsets.US_ASCII);

        RuleViolation refusal = refusal("serials.csv", csv);

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(refusal.getMessage()).startsWith("The CSV file cannot be read near line").contains("never closed");
    }

    @Test
    void noTemporaryFileOutlivesAnImport() throws IOException {
        Set<Path> before = uploads();

        Fixtures.read("ok.txt", TEXT);
        refusal("bad.xlsx", TEXT);
        refusal("locked.xlsx", Fixtures.encrypted(Fixtures.xlsxColumn("SN-1"), "pw"));

        assertThat(uploads()).isEqualTo(before);
    }

    private static Set<Path> uploads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("serial-import-")).collect(Collectors.toSet());
        }
    }

    /** A workbook whose sheet XML is {@code head}, then {@code padding} bytes of spaces, then the end. */
    private static byte[] bombWorkbook(String head, int padding) {
        byte[] normal = Fixtures.xlsxColumn("placeholder");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes);
             var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(normal))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(head.getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int written = 0; written < padding; written += spaces.length) {
                        out.write(spaces);
                    }
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
