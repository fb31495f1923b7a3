package org.serialtracking.label.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.serialtracking.label.LabelPreset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a scanner and a reader make of printed labels: PDF pages rendered by PDFBox, symbols decoded by ZXing. */
final class Scans {

    static final float DPI = 300;
    private static final char GS = '\u001d';

    private Scans() {
    }

    /** A decoded symbol: its text and its symbology identifier ({@code ]d2} for GS1 DataMatrix). */
    record Scan(String text, String symbology) {
        boolean gs1() {
            return "]d2".equals(symbology);
        }
    }

    static PDDocument load(byte[] pdf) throws IOException {
        return Loader.loadPDF(pdf);
    }

    static BufferedImage page(PDDocument doc, int pageIndex) throws IOException {
        return new PDFRenderer(doc).renderImageWithDPI(pageIndex, DPI, ImageType.GRAY);
    }

    static String text(PDDocument doc, int pageIndex) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        return stripper.getText(doc);
    }

    static int px(double mm) {
        return (int) Math.round(mm / 25.4 * DPI);
    }

    /** The part of a rendered page that one label covers. */
    static BufferedImage crop(BufferedImage page, LabelPreset.Area a) {
        int x = px(a.x());
        int y = px(a.y());
        int w = Math.min(px(a.width()), page.getWidth() - x);
        int h = Math.min(px(a.height()), page.getHeight() - y);
        return page.getSubimage(x, y, w, h);
    }

    static Optional<Scan> dataMatrix(BufferedImage image) {
        return decode(image, BarcodeFormat.DATA_MATRIX);
    }

    static Optional<Scan> code128(BufferedImage image) {
        return decode(image, BarcodeFormat.CODE_128);
    }

    private static Optional<Scan> decode(BufferedImage image, BarcodeFormat format) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(format));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            Result r = new MultiFormatReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
            return Optional.of(new Scan(r.getText(), (String) r.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            throw new AssertionError("a " + format + " was found but not read: " + e, e);
        }
    }

    /**
     * The element string of a GS1 symbol as AI → value, for the AIs a label carries: (01) and (17)
     * fixed length, (10) and (21) up to the next group separator.
     */
    static Map<String, String> ais(String decoded) {
        Map<String, String> ais = new LinkedHashMap<>();
        int i = !decoded.isEmpty() && decoded.charAt(0) == GS ? 1 : 0;
        while (i < decoded.length()) {
            String ai = decoded.substring(i, i + 2);
            i += 2;
            int end = switch (ai) {
                case "01" -> i + 14;
                case "17" -> i + 6;
                case "10", "21" -> {
                    int gs = decoded.indexOf(GS, i);
                    yield gs < 0 ? decoded.length() : gs;
                }
                default -> throw new AssertionError("unexpected AI (" + ai + ") in " + decoded.replace(GS, '|'));
            };
            if (ais.put(ai, decoded.substring(i, end)) != null) {
                throw new AssertionError("AI (" + ai + ") twice in " + decoded.replace(GS, '|'));
            }
            i = end;
            if (i < decoded.length() && decoded.charAt(i) == GS) {
                i++;
            }
        }
        return ais;
    }
}
