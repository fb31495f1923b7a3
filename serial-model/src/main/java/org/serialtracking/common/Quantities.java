package org.serialtracking.common;

import java.math.BigDecimal;

/** Quantities as people read them: 3, 2.5, 50 (never 3.0000 or 5E+1). */
public final class Quantities {

    private Quantities() {
    }

    public static BigDecimal plain(BigDecimal q) {
        BigDecimal s = q.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static String text(BigDecimal q) {
        return plain(q).toPlainString();
    }

    /** For a screen: digits grouped as people write them, 300,000 and 2.5 (never 3E+5 or 2.5000). */
    public static String display(BigDecimal q) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.####",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH));
        f.setParseBigDecimal(true);
        return f.format(plain(q));
    }
}
