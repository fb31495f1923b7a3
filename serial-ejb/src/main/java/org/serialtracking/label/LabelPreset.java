package org.serialtracking.label;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where labels sit on a page: the page, the label, the grid of labels, the page's margins to the
 * first label, the gaps between labels, and the padding each label keeps free of print. Every
 * length is in millimetres; labels fill a page row by row from its top left.
 */
public enum LabelPreset {

    /** A thermal roll of 50 × 25 mm labels, one label a page. */
    ROLL_50X25(50, 25, 50, 25, 1, 1, 0, 0, 0, 0, 1.5),
    /** A thermal roll of 100 × 50 mm labels, one label a page. */
    ROLL_100X50(100, 50, 100, 50, 1, 1, 0, 0, 0, 0, 2.5),
    /** The common A4 office sheet: 3 columns × 8 rows of 70 × 37 mm labels, edge to edge. */
    A4_3X8(210, 297, 70, 37, 3, 8, 0, 0.5, 0, 0, 3.5),
    /** The common US Letter sheet (5160 layout): 3 columns × 10 rows of 2⅝ × 1 inch labels. */
    LETTER_3X10(215.9, 279.4, 66.675, 25.4, 3, 10, 4.7625, 12.7, 3.175, 0, 2);

    private final double pageWidth;
    private final double pageHeight;
    private final double labelWidth;
    private final double labelHeight;
    private final int columns;
    private final int rows;
    private final double marginLeft;
    private final double marginTop;
    private final double gapX;
    private final double gapY;
    private final double padding;

    LabelPreset(double pageWidth, double pageHeight, double labelWidth, double labelHeight, int columns,
                int rows, double marginLeft, double marginTop, double gapX, double gapY, double padding) {
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
        this.labelWidth = labelWidth;
        this.labelHeight = labelHeight;
        this.columns = columns;
        this.rows = rows;
        this.marginLeft = marginLeft;
        this.marginTop = marginTop;
        this.gapX = gapX;
        this.gapY = gapY;
        this.padding = padding;
    }

    /**
     * The preset a request names, by its name in any case ({@code a4_3x8}, {@code ROLL_50X25}; a
     * hyphen may stand for the underscore).
     *
     * @throws IllegalArgumentException naming the presets there are, for a missing or unknown name
     */
    public static LabelPreset fromParam(String name) {
        if (name != null) {
            String wanted = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
            for (LabelPreset p : values()) {
                if (p.name().equals(wanted)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException((name == null ? "no label preset given" : "unknown label preset '" + name + "'")
                + "; the presets are " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** Where one label lies on its page, in millimetres from the page's top left corner. */
    public record Area(double x, double y, double width, double height) {
    }

    /** The label at this place on a page (0 is the top left, row by row). */
    public Area area(int slot) {
        if (slot < 0 || slot >= labelsPerPage()) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + labelsPerPage());
        }
        int column = slot % columns;
        int row = slot / columns;
        return new Area(marginLeft + column * (labelWidth + gapX), marginTop + row * (labelHeight + gapY),
                labelWidth, labelHeight);
    }

    public int labelsPerPage() {
        return columns * rows;
    }

    public double pageWidth() {
        return pageWidth;
    }

    public double pageHeight() {
        return pageHeight;
    }

    public double labelWidth() {
        return labelWidth;
    }

    public double labelHeight() {
        return labelHeight;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public double marginLeft() {
        return marginLeft;
    }

    public double marginTop() {
        return marginTop;
    }

    public double gapX() {
        return gapX;
    }

    public double gapY() {
        return gapY;
    }

    /** The border inside each label that stays free of print (and holds the symbols' quiet zones). */
    public double padding() {
        return padding;
    }
}
