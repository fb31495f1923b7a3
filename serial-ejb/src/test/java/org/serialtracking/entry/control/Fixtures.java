package org.serialtracking.entry.control;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.serialtracking.common.RuleViolation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Real files, made by POI or by hand, for the import tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** An .xlsx written by POI's full (non-streaming) model. */
    static byte[] xlsx(Consumer<XSSFWorkbook> build) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            build.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-sheet workbook whose column A holds these strings, row after row. */
    static byte[] xlsxColumn(String... values) {
        return xlsx(wb -> {
            var sheet = wb.createSheet("Serials");
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    sheet.createRow(i).createCell(0).setCellValue(values[i]);
                }
            }
        });
    }

    /** A legacy Excel 97-2003 workbook. */
    static byte[] xls(String... values) {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Serials");
            for (int i = 0; i < values.length; i++) {
                sheet.createRow(i).createCell(0).setCellValue(values[i]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .xlsx encrypted as Excel does with "Encrypt with Password": agile encryption in an OLE2 container. */
    static byte[] encrypted(byte[] xlsx, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx));
                 OutputStream data = encryptor.getDataStream(fs)) {
                pkg.save(data);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same ZIP with one entry's content replaced (written with maximum compression). */
    static byte[] replaceEntry(byte[] zip, String name, byte[] content) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(9);
            boolean replaced = false;
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    out.write(content);
                    replaced = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                throw new IllegalArgumentException("no entry " + name);
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP of the given name/content pairs. */
    static byte[] zip(String... namesAndContents) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sheetXml(String sheetData) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>" + sheetData + "</sheetData></worksheet>";
    }

    /** A POI workbook whose only sheet's XML is replaced by this one. */
    static byte[] xlsxWithSheetXml(String xml) {
        return replaceEntry(xlsxColumn("placeholder"), "xl/worksheets/sheet1.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    static ImportResult read(String name, byte[] content) {
        return read(name, content, ImportLimits.DEFAULTS);
    }

    static ImportResult read(String name, byte[] content, ImportLimits limits) {
        try {
            return SerialImport.read(name, new ByteArrayInputStream(content), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportResult read(String name, String content, Charset charset) {
        return read(name, content.getBytes(charset));
    }

    static RuleViolation refusal(String name, byte[] content) {
        return refusal(name, content, ImportLimits.DEFAULTS);
    }

    static RuleViolation refusal(String name, byte[] content, ImportLimits limits) {
        RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> read(name, content, limits));
        assertThat(refusal).as("a refusal of " + name).isNotNull();
        return refusal;
    }
}
