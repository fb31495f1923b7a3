package org.serialtracking.entry.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.util.Locale;

/** The bounds every entry tool shares, so an import, a range and a quick entry refuse alike. */
public final class EntryLimits {

    /**
     * At most this many serials per import, range or quick entry: enough for a large receipt, small
     * enough that one request cannot tie up the server or the database.
     */
    public static final int MAX_SERIALS = 1_000_000;

    private EntryLimits() {
    }

    public static RuleViolation tooMany(String detail) {
        return new RuleViolation(ErrorCode.TOO_MANY_SERIALS, detail);
    }

    /** 1000000 as people read it: 1,000,000. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String grouped(java.math.BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
