package org.serialtracking.label.control;

import com.lowagie.text.pdf.BaseFont;

/**
 * Text that a label prints: only characters the font has (any other becomes {@code ?}), and never
 * wider than its place: first a smaller size, down to a floor, then an ellipsis.
 */
final class LabelText {

    static final char REPLACEMENT = '?';
    static final String ELLIPSIS = "\u2026";

    private LabelText() {
    }

    /** The text with each code point the font cannot show replaced by {@link #REPLACEMENT}. */
    static String printable(String text, BaseFont font) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean ok = cp < 0x10000 && (cp == ' ' || font.charExists(cp));
            if (!ok && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (b != null) {
                if (ok) {
                    b.appendCodePoint(cp);
                } else {
                    b.append(REPLACEMENT);
                }
            }
            i = next;
        }
        return b == null ? text : b.toString();
    }

    /** A line set in a size. */
    record Line(String text, float size) {
    }

    /**
     * The printable text at the largest size from {@code size} down to {@code minSize} at which it is
     * at most {@code width} points wide; if even the smallest is too wide, shortened with an ellipsis:
     * in the middle (keeping a serial's start and its distinguishing end) or at the end.
     */
    static Line fit(String text, BaseFont font, float size, float minSize, float width, boolean middle) {
        String t = printable(text, font);
        float w = font.getWidthPoint(t, size);
        if (w <= width) {
            return new Line(t, size);
        }
        float shrunk = Math.max(minSize, size * width / w);
        if (font.getWidthPoint(t, shrunk) <= width) {
            return new Line(t, shrunk);
        }
        return new Line(shorten(t, font, shrunk, width, middle), shrunk);
    }

    /** The size, from {@code size} down to {@code minSize}, at which the printable text is at most {@code width} points wide, if any. */
    static float sizeFor(String text, BaseFont font, float size, float minSize, float width) {
        float w = font.getWidthPoint(printable(text, font), size);
        return w <= width ? size : Math.max(minSize, size * width / w);
    }

    /**
     * Like {@link #fit}, for a line whose end must stay whole (an expiry after a lot): if the line is
     * too wide even at {@code minSize}, its head is shortened at the end, and only where the tail alone
     * is too wide the whole line.
     */
    static Line fitKeepingTail(String head, String tail, BaseFont font, float size, float minSize, float width) {
        Line whole = fit(head + tail, font, size, minSize, width, false);
        String t = printable(tail, font);
        if (whole.text().endsWith(t)) {
            return whole;
        }
        float rest = width - font.getWidthPoint(t, whole.size());
        String h = printable(head, font);
        if (rest <= 0) {
            return whole;
        }
        return new Line(shorten(h, font, whole.size(), rest, false) + t, whole.size());
    }

    private static String shorten(String t, BaseFont font, float size, float width, boolean middle) {
        // the text is printable here, so one char is one code point
        for (int keep = t.length() - 1; keep > 0; keep--) {
            String s;
            if (middle) {
                int tail = keep / 2;
                s = t.substring(0, keep - tail) + ELLIPSIS + t.substring(t.length() - tail);
            } else {
                s = t.substring(0, keep) + ELLIPSIS;
            }
            if (font.getWidthPoint(s, size) <= width) {
                return s;
            }
        }
        return font.getWidthPoint(ELLIPSIS, size) <= width ? ELLIPSIS : "";
    }
}
