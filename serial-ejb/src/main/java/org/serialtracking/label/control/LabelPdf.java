package org.serialtracking.label.control;

import com.lowagie.text.Document;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.serialtracking.label.Label;
import org.serialtracking.label.LabelPreset;
import uk.org.okapibarcode.backend.Code128;
import uk.org.okapibarcode.backend.DataMatrix;
import uk.org.okapibarcode.backend.Symbol;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Writes labels as one PDF, streamed: the labels are taken from the iterator one at a time and each
 * page goes to the stream when the next one starts (OpenPDF's {@link PdfWriter} keeps only a
 * reference a page for the file's index), so that memory does not grow with the number of labels
 * beyond a few hundred bytes a page.
 * <p>
 * Each label holds a DataMatrix and a Code 128 (see {@link LabelSymbols} for what they carry), drawn
 * as filled rectangles, so they are sharp at any printer resolution, and the serial in bold with the
 * SKU, the item's name, the lot and the expiry below it in Helvetica, each line fitted to the label
 * ({@link LabelText}); every label is clipped to its own area. Fonts are PDF standard fonts: nothing
 * is read from the system and nothing embedded.
 */
public final class LabelPdf {

    static final float POINTS_PER_MM = 72f / 25.4f;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private LabelPdf() {
    }

    /**
     * Writes the labels in the preset's layout to the stream, which stays open.
     *
     * @return the number of labels written
     * @throws IllegalArgumentException when there is no label, before anything is written
     * @throws IOException              when the stream fails; it then holds an incomplete PDF
     */
    public static long write(Iterator<Label> labels, LabelPreset preset, OutputStream out) throws IOException {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(out, "out");
        if (!labels.hasNext()) {
            throw new IllegalArgumentException("there are no labels to print");
        }
        try {
            Document document = new Document(new Rectangle(mm(preset.pageWidth()), mm(preset.pageHeight())), 0, 0, 0, 0);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addCreator("Serial Tracking");
            document.open();
            Painter painter = new Painter(writer.getDirectContent(), preset);
            long written = 0;
            int slot = 0;
            while (labels.hasNext()) {
                Label label = Objects.requireNonNull(labels.next(), "a label to print is null");
                if (slot == preset.labelsPerPage()) {
                    document.newPage();
                    slot = 0;
                }
                painter.paint(label, preset.area(slot));
                slot++;
                written++;
            }
            document.close();
            out.flush();
            return written;
        } catch (ExceptionConverter e) {
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    static float mm(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }

    /** Draws labels on the writer's current page. */
    private static final class Painter {

        private final PdfContentByte cb;
        private final LabelPreset preset;
        private final BaseFont regular;
        private final BaseFont bold;

        Painter(PdfContentByte cb, LabelPreset preset) throws IOException {
            this.cb = cb;
            this.preset = preset;
            this.regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            this.bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        }

        void paint(Label label, LabelPreset.Area area) {
            DataMatrix dm = LabelSymbols.dataMatrix(label);
            Code128 code = LabelSymbols.code128(label);
            int dmModules = dm == null ? 0 : dm.getWidth();
            LabelLayout layout = LabelLayout.of(preset, dmModules, code == null ? 0 : code.getWidth());

            cb.saveState();
            cb.rectangle(x(area, 0), y(area, area.height()), mm(area.width()), mm(area.height()));
            cb.clip();
            cb.newPath();

            if (dm != null) {
                symbol(dm, area, layout.dmX(), layout.dmY(), layout.dmModule(), layout.dmModule());
            }
            if (layout.barModule() > 0) {
                symbol(code, area, layout.barsX(), layout.stripY(), layout.barModule(),
                        layout.stripHeight() / code.getHeight());
            } else {
                String note = dm == null ? "This serial cannot be put in a bar code"
                        : LabelSymbols.code128CanCarry(label.serial())
                        ? "Serial too long for Code 128 \u2013 scan the DataMatrix"
                        : "No Code 128 for this serial \u2013 scan the DataMatrix";
                LabelText.Line line = LabelText.fit(note, regular, LabelLayout.NOTE_SIZE, 3.5f,
                        mm(layout.stripWidth()), false);
                double noteWidth = regular.getWidthPoint(line.text(), line.size()) / POINTS_PER_MM;
                text(line, regular, area, layout.stripX() + (layout.stripWidth() - noteWidth) / 2,
                        layout.stripY() + line.size() * 0.9 / POINTS_PER_MM);
            }
            textBlock(label, area, layout);
            cb.restoreState();
        }

        /**
         * The serial in bold and below it, in one smaller size, the SKU, the name, and the lot with the
         * expiry, one line each, top down, fitted to the text area.
         */
        private void textBlock(Label label, LabelPreset.Area area, LabelLayout layout) {
            List<String[]> small = new ArrayList<>(3);
            if (label.sku() != null) {
                small.add(new String[] {"SKU " + label.sku(), ""});
            }
            if (label.itemName() != null) {
                small.add(new String[] {label.itemName(), ""});
            }
            String expiry = label.expiry() == null ? "" : "Exp " + DATE.format(label.expiry());
            if (label.lot() != null) {
                small.add(new String[] {"Lot " + label.lot(), expiry.isEmpty() ? "" : "   " + expiry});
            } else if (!expiry.isEmpty()) {
                small.add(new String[] {expiry, ""});
            }
            float height = mm(layout.textHeight());
            float width = mm(layout.textWidth());
            float big = Math.min(18f, height * 0.26f);
            float other = Math.min(10f, height * 0.16f);
            float needed = (big + small.size() * other) * 1.125f;
            if (needed > height) {
                big *= height / needed;
                other *= height / needed;
            }
            float minOther = Math.max(4f, other * 0.75f);
            float smallSize = other;
            for (String[] s : small) {
                smallSize = Math.min(smallSize, LabelText.sizeFor(s[0] + s[1], regular, other, minOther, width));
            }
            double top = layout.textY();
            top = line(LabelText.fit(label.serial(), bold, big, Math.max(4.5f, big * 0.55f), width, true),
                    bold, area, layout.textX(), top);
            for (String[] s : small) {
                top = line(LabelText.fitKeepingTail(s[0], s[1], regular, smallSize, smallSize, width),
                        regular, area, layout.textX(), top);
            }
        }

        /** Sets a line below {@code top} (mm) and returns the top of the next. */
        private double line(LabelText.Line line, BaseFont font, LabelPreset.Area area, double x, double top) {
            double baseline = top + line.size() * 0.718 / POINTS_PER_MM;
            text(line, font, area, x, baseline);
            return baseline + line.size() * 0.407 / POINTS_PER_MM;
        }

        private void text(LabelText.Line line, BaseFont font, LabelPreset.Area area, double x, double baseline) {
            if (line.text().isEmpty()) {
                return;
            }
            cb.beginText();
            cb.setFontAndSize(font, line.size());
            cb.setTextMatrix(x(area, x), y(area, baseline));
            cb.showText(line.text());
            cb.endText();
        }

        /** Fills the symbol's rectangles, scaled from its units to millimetres, at (left, top) in the label. */
        private void symbol(Symbol symbol, LabelPreset.Area area, double left, double top, double unitX, double unitY) {
            for (uk.org.okapibarcode.graphics.Rectangle r : symbol.getRectangles()) {
                cb.rectangle(x(area, left + r.x * unitX), y(area, top + (r.y + r.height) * unitY),
                        mm(r.width * unitX), mm(r.height * unitY));
            }
            cb.fill();
        }

        /** A label's x (mm from its left) as page points. */
        private float x(LabelPreset.Area area, double mm) {
            return mm(area.x() + mm);
        }

        /** A label's y (mm down from its top) as page points (up from the page's bottom). */
        private float y(LabelPreset.Area area, double mm) {
            return mm(preset.pageHeight() - area.y() - mm);
        }
    }
}
