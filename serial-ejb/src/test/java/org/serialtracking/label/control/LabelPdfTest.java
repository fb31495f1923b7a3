package org.serialtracking.label.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serialtracking.label.Label;
import org.serialtracking.label.LabelPreset;
import uk.org.okapibarcode.backend.Code128;
import uk.org.okapibarcode.backend.DataMatrix;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Labels written as PDF, rendered at 300 dpi by PDFBox and read back by ZXing: every DataMatrix and
 * Code 128 carries what the label says, on every preset; and ten thousand labels stream.
 */
class LabelPdfTest {

    private static final String GTIN = "09506000134352";
    private static final String OTHER_GTIN = "04012345000009";
    private static final DateTimeFormatter GS1_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    /** What one label's symbols gave a scanner, and the text of its page. */
    record Read(Label label, Optional<Scans.Scan> dataMatrix, Optional<Scans.Scan> code128, String pageText) {
    }

    // ---- every preset, full and partial pages ---------------------------------------------------

    @ParameterizedTest
    @EnumSource(LabelPreset.class)
    void everyLabelOnEveryPresetScansBackAsWhatItSays(LabelPreset preset) throws IOException {
        int count = preset.labelsPerPage() == 1 ? 4 : preset.labelsPerPage() + 6;
        List<Label> labels = IntStream.range(0, count).mapToObj(LabelPdfTest::mixed).toList();

        List<Read> reads = writeAndRead(labels, preset);

        assertThat(reads).hasSize(count);
        reads.forEach(LabelPdfTest::assertScansAsItSays);
        // the short serials fit a Code 128 on every preset
        assertThat(reads).allSatisfy(r -> assertThat(r.code128()).map(Scans.Scan::text).contains(r.label().serial()));
    }

    @Test
    void thirtyLabelsOnA4FillASheetAndSixLabelsOfTheNext() throws IOException {
        LabelPreset a4 = LabelPreset.A4_3X8;
        List<Label> labels = IntStream.range(0, 30).mapToObj(LabelPdfTest::mixed).toList();
        byte[] pdf = write(labels, a4);

        try (PDDocument doc = Scans.load(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            BufferedImage second = Scans.page(doc, 1);
            for (int slot = 0; slot < 24; slot++) {
                BufferedImage label = Scans.crop(second, a4.area(slot));
                if (slot < 6) {
                    assertThat(Scans.code128(label)).map(Scans.Scan::text).contains(labels.get(24 + slot).serial());
                } else {
                    assertThat(Scans.code128(label)).isEmpty();
                    assertThat(Scans.dataMatrix(label)).isEmpty();
                    assertThat(darkPixels(label)).as("slot %d of the partial sheet", slot).isZero();
                }
            }
            assertThat(Scans.text(doc, 0)).contains(labels.get(0).serial(), labels.get(23).serial())
                    .doesNotContain(labels.get(24).serial());
            assertThat(Scans.text(doc, 1)).contains(labels.get(24).serial(), labels.get(29).serial());
        }
    }

    // ---- long serials ---------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(LabelPreset.class)
    void longSerialsScanBackWhole(LabelPreset preset) throws IOException {
        String gs1Longest = "AB/CD-EF.GH/0123-4.5";                              // 20: GS1's longest (21)
        String longest = ("SN-" + "0123456789/ABCDEFGHIJ-klmnopqrst.").repeat(3).substring(0, 100);
        List<Label> labels = List.of(
                new Label(gs1Longest, "SKU-" + "X".repeat(40), "An item whose name is far too long for any label at all, really",
                        GTIN, "LOT/2026-11.ABCDEFGH", LocalDate.of(2031, 2, 28)),
                new Label(longest, null, null, null, null, null),
                new Label(longest, "S", "N", GTIN, "L1", LocalDate.of(2026, 1, 1)));   // too long for (21): plain

        List<Read> reads = writeAndRead(labels, preset);

        reads.forEach(LabelPdfTest::assertScansAsItSays);
        assertThat(reads.get(0).dataMatrix()).map(Scans.Scan::gs1).contains(true);
        assertThat(reads.get(2).dataMatrix()).map(Scans.Scan::gs1).contains(false);
        assertThat(reads.get(1).dataMatrix()).map(Scans.Scan::text).contains(longest);
        // 100 characters make no Code 128 a scanner could read on a label: the note says so
        assertThat(reads.get(1).code128()).isEmpty();
        assertThat(reads.get(1).pageText()).contains("Serial too long for Code 128 \u2013 scan the DataMatrix");
        if (preset == LabelPreset.ROLL_100X50 || preset == LabelPreset.A4_3X8) {
            assertThat(reads.get(0).code128()).map(Scans.Scan::text).contains(gs1Longest);
        }
    }

    // ---- any Unicode ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = LabelPreset.class, names = {"ROLL_50X25", "A4_3X8"})
    void nonLatinSerialsScanBackExactlyFromTheDataMatrix(LabelPreset preset) throws IOException {
        List<Label> labels = List.of(
                new Label("序列号-42/Ω", "SKU-1", "Ωmega 電子", null, null, null),
                Label.of("Ünïcødé-ß/1"),
                Label.of("\uD83D\uDE00-7"),                                           // 😀, outside the BMP
                new Label("Серийный-9", "SKU-2", "Item", GTIN, "L-1", LocalDate.of(2027, 6, 30)));

        List<Read> reads = writeAndRead(labels, preset);

        reads.forEach(LabelPdfTest::assertScansAsItSays);
        assertThat(reads).extracting(r -> r.dataMatrix().map(Scans.Scan::text).orElse(null))
                .containsExactly("序列号-42/Ω", "Ünïcødé-ß/1", "\uD83D\uDE00-7", "Серийный-9");
        // Latin-1 still has its Code 128 (through FNC4); the others say to scan the DataMatrix
        assertThat(reads.get(1).code128()).map(Scans.Scan::text).contains("Ünïcødé-ß/1");
        for (int i : new int[] {0, 2, 3}) {
            assertThat(reads.get(i).code128()).isEmpty();
        }
        String text = reads.stream().map(Read::pageText).distinct().collect(Collectors.joining("\n"));
        assertThat(text).contains("No Code 128 for this serial \u2013 scan the DataMatrix");
        // Helvetica has no CJK, Greek or Cyrillic: a ? for each such character, nothing else lost
        assertThat(text).contains("???-42/?", "Ünïcødé-ß/1", "?-7", "????????-9", "?mega ??");
    }

    @Test
    void backslashesAndBracketsInAPlainSerialScanBackAsTheyAre() throws IOException {
        List<Label> labels = List.of(Label.of("A\\B\\\\C"), Label.of("[01]123[21]x"), Label.of("\\<FNC5>#1 2"),
                new Label("[21]SN", null, null, GTIN, null, null));

        List<Read> reads = writeAndRead(labels, LabelPreset.ROLL_50X25);

        reads.forEach(LabelPdfTest::assertScansAsItSays);
        assertThat(reads).extracting(r -> r.dataMatrix().map(Scans.Scan::text).orElse(null))
                .containsExactly("A\\B\\\\C", "[01]123[21]x", "\\<FNC5>#1 2", "[21]SN");
        assertThat(reads).allSatisfy(r -> assertThat(r.code128()).map(Scans.Scan::text).contains(r.label().serial()));
    }

    @Test
    void aSerialHoldingOkapisFunctionCharacterTextGetsNoSymbolRatherThanAWrongOne() throws IOException {
        String serial = "A\\<FNC1>B";
        List<Label> labels = List.of(Label.of(serial), Label.of("NEXT-1"));

        List<Read> reads = writeAndRead(labels, LabelPreset.ROLL_50X25);

        assertThat(reads.get(0).dataMatrix()).isEmpty();
        assertThat(reads.get(0).code128()).isEmpty();
        assertThat(reads.get(0).pageText()).contains(serial, "This serial cannot be put in a bar code");
        assertScansAsItSays(reads.get(1));
        assertThat(reads.get(1).dataMatrix()).map(Scans.Scan::text).contains("NEXT-1");
    }

    // ---- streaming ------------------------------------------------------------------------------

    @Test
    void tenThousandLabelsStreamAsTenThousandPages(@TempDir Path dir) throws IOException {
        int count = 10_000;
        Path file = dir.resolve("labels.pdf");
        long written;
        long bytes;
        long started = System.nanoTime();
        try (CountingStream out = new CountingStream(Files.newOutputStream(file))) {
            written = LabelPdf.write(generated(count, LabelPdfTest::mixed), LabelPreset.ROLL_50X25, out);
            bytes = out.count;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("10,000 labels on ROLL_50X25: %,d bytes (%,d a label) in %,d ms%n", bytes, bytes / count, millis);

        assertThat(written).isEqualTo(count);
        assertThat(Files.size(file)).isEqualTo(bytes);
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()),
                IOUtils.createTempFileOnlyStreamCache())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(count);
            for (int page : new int[] {0, 4_999, 9_998, 9_999}) {
                Label label = mixed(page);
                BufferedImage image = Scans.page(doc, page);
                Read read = new Read(label, Scans.dataMatrix(dataMatrixArea(image, LabelPreset.ROLL_50X25, 0, label)),
                        Scans.code128(image), Scans.text(doc, page));
                assertScansAsItSays(read);
            }
        }
    }

    @Test
    void memoryDoesNotGrowWithTheNumberOfLabels() throws IOException {
        // used heap after a full collection, and the PDF's bytes so far, when the writer asks for
        // the 1,000th and for the 10,000th label: everything before it is on its pages by then
        long[][] at = new long[2][];
        CountingStream out = new CountingStream(OutputStream.nullOutputStream());
        Iterator<Label> labels = generated(10_000, i -> {
            if (i == 999 || i == 9_999) {
                at[i == 999 ? 0 : 1] = new long[] {usedHeapAfterGc(), out.count};
            }
            return mixed(i);
        });

        long written = LabelPdf.write(labels, LabelPreset.ROLL_50X25, out);

        assertThat(written).isEqualTo(10_000);
        long growth = at[1][0] - at[0][0];
        long pdfBytes = at[1][1] - at[0][1];
        System.out.printf("used heap at label 1,000: %,d B, at label 10,000: %,d B (growth %,d B, %,d B a label);"
                + " the 9,000 labels between are %,d B of PDF%n", at[0][0], at[1][0], growth, growth / 9_000, pdfBytes);
        // the pages reached the stream while the labels were still coming
        assertThat(pdfBytes).isGreaterThan(9_000L * 500);
        // Were the written pages held, the heap would grow by at least their encoded size (~900 B a
        // label; ~2 KB a label measured with the PDF held in a buffer); OpenPDF keeps only each page's
        // reference and its objects' offsets (~230 B a label measured)
        assertThat(growth).isLessThan(9_000L * 500);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---- the stream and the edges ---------------------------------------------------------------

    @Test
    void noLabelsIsRefusedBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> LabelPdf.write(List.<Label>of().iterator(), LabelPreset.A4_3X8, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no labels");
        assertThat(out.size()).isZero();
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        long written = LabelPdf.write(List.of(Label.of("SN-OPEN-1")).iterator(), LabelPreset.ROLL_50X25, out);

        assertThat(written).isEqualTo(1);
        assertThat(closed[0]).isFalse();
        assertThat(read(bytes.toByteArray(), List.of(Label.of("SN-OPEN-1")), LabelPreset.ROLL_50X25).get(0).code128())
                .map(Scans.Scan::text).contains("SN-OPEN-1");
    }

    @Test
    void aFailingStreamFailsWithItsIOException() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("client went away");
            }
        };

        assertThatThrownBy(() -> LabelPdf.write(generated(50, LabelPdfTest::mixed), LabelPreset.ROLL_50X25, broken))
                .isInstanceOf(IOException.class).hasMessageContaining("client went away");
    }

    @ParameterizedTest
    @EnumSource(LabelPreset.class)
    void nothingIsPrintedOutsideALabelsPaddedArea(LabelPreset preset) throws IOException {
        String longest = "W".repeat(100);
        List<Label> labels = IntStream.range(0, preset.labelsPerPage() == 1 ? 2 : 6)
                .mapToObj(i -> new Label(i % 2 == 0 ? longest : "MMMMMMMMMMMMMMMMMMM" + i,
                        "SKU-" + "M".repeat(60), "W".repeat(80), i % 2 == 0 ? null : GTIN,
                        "M".repeat(20), LocalDate.of(2030, 10, 10)))
                .toList();
        byte[] pdf = write(labels, preset);

        try (PDDocument doc = Scans.load(pdf)) {
            int pages = doc.getNumberOfPages();
            int index = 0;
            for (int page = 0; page < pages; page++) {
                BufferedImage image = Scans.page(doc, page);
                for (int slot = 0; slot < preset.labelsPerPage() && index < labels.size(); slot++, index++) {
                    assertThat(darkPixelsInPadding(image, preset.area(slot), preset.padding()))
                            .as("%s label %d", preset, index).isZero();
                    Label label = labels.get(index);
                    assertThat(Scans.dataMatrix(dataMatrixArea(image, preset, slot, label)))
                            .map(Scans.Scan::text).get().asString().contains(label.serial());
                }
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Labels of four kinds, each serial unique: GS1 with lot and expiry, GS1 bare, plain with / - ., plain digits. */
    static Label mixed(int i) {
        return switch (i % 4) {
            case 0 -> new Label("SN-" + i + "/A.b", "WID-" + i, "Widget, blue", GTIN, "LOT-" + (i % 7), LocalDate.of(2026, 12, 31));
            case 1 -> new Label("X" + i + "-" + i, "GAD-1", "Gadget", OTHER_GTIN, null, null);
            case 2 -> new Label("A/B-C." + i, null, "Bolt M6", null, "B." + i, LocalDate.of(2030, 1, 9));
            default -> Label.of(String.valueOf(100_000 + i));
        };
    }

    private static Iterator<Label> generated(int count, IntFunction<Label> label) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public Label next() {
                if (i >= count) {
                    throw new NoSuchElementException();
                }
                return label.apply(i++);
            }
        };
    }

    private static byte[] write(List<Label> labels, LabelPreset preset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LabelPdf.write(labels.iterator(), preset, out)).isEqualTo(labels.size());
        return out.toByteArray();
    }

    private static List<Read> writeAndRead(List<Label> labels, LabelPreset preset) throws IOException {
        return read(write(labels, preset), labels, preset);
    }

    /** Each label read where the preset puts it: page by page, slot by slot. */
    private static List<Read> read(byte[] pdf, List<Label> labels, LabelPreset preset) throws IOException {
        List<Read> reads = new ArrayList<>(labels.size());
        try (PDDocument doc = Scans.load(pdf)) {
            int perPage = preset.labelsPerPage();
            assertThat(doc.getNumberOfPages()).isEqualTo((labels.size() + perPage - 1) / perPage);
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                BufferedImage image = Scans.page(doc, page);
                String text = Scans.text(doc, page);
                for (int slot = 0; slot < perPage && page * perPage + slot < labels.size(); slot++) {
                    Label label = labels.get(page * perPage + slot);
                    reads.add(new Read(label, Scans.dataMatrix(dataMatrixArea(image, preset, slot, label)),
                            Scans.code128(Scans.crop(image, preset.area(slot))), text));
                }
            }
        }
        return reads;
    }

    /**
     * Where a scanner is aimed at a label's DataMatrix: the symbol and 1 mm around it (the label's
     * layout says where it is; the rest of the label is text and a Code 128, which ZXing's DataMatrix
     * detector does not look past).
     */
    private static BufferedImage dataMatrixArea(BufferedImage page, LabelPreset preset, int slot, Label label) {
        LabelPreset.Area a = preset.area(slot);
        DataMatrix dm = LabelSymbols.dataMatrix(label);
        if (dm == null) {
            return Scans.crop(page, a);                            // none meant: the whole label has none
        }
        int modules = dm.getWidth();
        Code128 code = LabelSymbols.code128(label);
        LabelLayout layout = LabelLayout.of(preset, modules, code == null ? 0 : code.getWidth());
        double side = layout.dmSide(modules);
        return Scans.crop(page, new LabelPreset.Area(a.x() + layout.dmX() - 1, a.y() + layout.dmY() - 1, side + 2, side + 2));
    }

    /** The label scans as what it says; its Code 128 is there, or the note that stands for it. */
    private static void assertScansAsItSays(Read read) {
        Label label = read.label();
        assertThat(read.dataMatrix()).as("the DataMatrix of %s", label).isPresent();
        Scans.Scan dm = read.dataMatrix().get();
        boolean gs1 = label.gtin() != null && label.serial().length() <= 20
                && label.serial().chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "!\"%&'()*+,-./:;<=>?_".indexOf(c) >= 0));
        if (gs1) {
            assertThat(dm.symbology()).as("GS1 DataMatrix of %s", label).isEqualTo("]d2");
            Map<String, String> ais = Scans.ais(dm.text());
            assertThat(ais).as("AIs of %s", label).contains(entry("01", label.gtin()), entry("21", label.serial()));
            if (label.expiry() != null) {
                assertThat(ais).contains(entry("17", GS1_DATE.format(label.expiry())));
            } else {
                assertThat(ais).doesNotContainKey("17");
            }
            if (label.lot() != null) {
                assertThat(ais).contains(entry("10", label.lot()));
            } else {
                assertThat(ais).doesNotContainKey("10");
            }
        } else {
            assertThat(dm.symbology()).isNotEqualTo("]d2");
            assertThat(dm.text()).as("DataMatrix of %s", label).isEqualTo(label.serial());
        }
        if (read.code128().isPresent()) {
            assertThat(read.code128().get().text()).isEqualTo(label.serial());
        } else {
            assertThat(read.pageText()).contains("scan the DataMatrix");
        }
    }

    private static long darkPixels(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 160) {
                    dark++;
                }
            }
        }
        return dark;
    }

    /** Dark pixels in the label's padding, a pixel's rounding either side left out. */
    private static long darkPixelsInPadding(BufferedImage page, LabelPreset.Area a, double padding) {
        BufferedImage label = Scans.crop(page, a);
        int inset = Scans.px(padding) - 1;
        long dark = 0;
        for (int y = 1; y < label.getHeight() - 1; y++) {
            for (int x = 1; x < label.getWidth() - 1; x++) {
                boolean inside = x >= inset && x < label.getWidth() - inset && y >= inset && y < label.getHeight() - inset;
                if (!inside && (label.getRGB(x, y) & 0xFF) < 160) {
                    dark++;
                }
            }
        }
        return dark;
    }

    /** Counts what passes through it. */
    static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
