package org.serialtracking.label.control;

import org.serialtracking.label.LabelPreset;

/**
 * Where one label's parts go, in millimetres from the label's top left corner: the DataMatrix at the
 * top left, the text to its right, and across the bottom a strip with the Code 128 (or, where the
 * label has none, a note to scan the DataMatrix). Everything stays inside the preset's padding, which
 * with the gaps between parts also holds the symbols' quiet zones: at least one module around the
 * DataMatrix, ten on either side of the Code 128.
 *
 * @param dmModule   the DataMatrix's module (its side is {@code dmModules × dmModule})
 * @param barModule  the Code 128's narrowest bar, 0 when the label has no Code 128
 * @param barsX      the left edge of the Code 128's first bar
 */
record LabelLayout(double dmX, double dmY, double dmModule,
                   double stripX, double stripY, double stripWidth, double stripHeight,
                   double barsX, double barModule,
                   double textX, double textY, double textWidth, double textHeight) {

    /** The narrowest Code 128 bar that prints and scans reliably on label printers (7.5 mil). */
    static final double MIN_BAR_MODULE = 0.19;
    static final double MAX_BAR_MODULE = 0.5;
    /** The quiet zone on either side of a Code 128, in modules. */
    static final int BAR_QUIET_MODULES = 10;
    /** The largest DataMatrix module: a short serial gets a compact symbol, not a huge one. */
    static final double MAX_DM_MODULE = 1.0;
    static final double GAP = 1.0;
    static final double TEXT_GAP = 1.5;
    /** The size of the note that stands for a Code 128 the label cannot have, in points. */
    static final float NOTE_SIZE = 6f;

    /**
     * @param dmModules      the DataMatrix's side in modules; 0 when the label has none
     * @param barModules     the Code 128's width in modules, quiet zones not included; 0 when the
     *                       serial has no Code 128
     */
    static LabelLayout of(LabelPreset preset, int dmModules, int barModules) {
        double p = preset.padding();
        double w = preset.labelWidth() - 2 * p;
        double h = preset.labelHeight() - 2 * p;

        double barModule = 0;
        if (barModules > 0) {
            // the quiet zones may reach into the padding, never the bars
            barModule = Math.min(MAX_BAR_MODULE, Math.min(w / barModules,
                    preset.labelWidth() / (barModules + 2.0 * BAR_QUIET_MODULES)));
            if (barModule < MIN_BAR_MODULE) {
                barModule = 0;
            }
        }
        double stripHeight = barModule > 0
                ? Math.max(5, Math.min(12, h * 0.3))
                : NOTE_SIZE * 1.25 / LabelPdf.POINTS_PER_MM;
        double stripY = p + h - stripHeight;
        double barsX = barModule > 0 ? p + (w - barModules * barModule) / 2 : p;

        double upper = h - stripHeight - GAP;
        double side = Math.min(upper, Math.min(w * 0.4, dmModules * MAX_DM_MODULE));
        double dmModule = dmModules == 0 ? 0 : side / dmModules;
        double textX = dmModules == 0 ? p : p + side + Math.max(TEXT_GAP, dmModule);
        return new LabelLayout(p, p, dmModule, p, stripY, w, stripHeight, barsX, barModule,
                textX, p, p + w - textX, upper);
    }

    double dmSide(int dmModules) {
        return dmModules * dmModule;
    }
}
