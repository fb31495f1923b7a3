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
}
