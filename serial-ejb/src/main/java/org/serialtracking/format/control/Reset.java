package org.serialtracking.format.control;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** When a counter starts again from its start value. */
public enum Reset {
    NONE(null), DAILY("yyyy-MM-dd"), MONTHLY("yyyy-MM"), YEARLY("yyyy");

    private final DateTimeFormatter period;

    Reset(String pattern) {
        this.period = pattern == null ? null : DateTimeFormatter.ofPattern(pattern);
    }

    /** The period a moment falls in: counters are kept per period ("" when they never reset). */
    public String period(ZonedDateTime now) {
        return period == null ? "" : now.format(period);
    }
}
