package org.serialtracking.format.control;

import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;

import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Issues auto serial numbers: takes a block from the item's counter, renders it, and skips any
 * number whose serial is taken already (by a manual serial, another item with the same format,
 * or another line of the same document), taking more numbers until the count is reached.
 */
public final class AutoSerials {

    /** A document never needs more rounds than this unless almost every number is taken. */
    static final int MAX_ROUNDS = 100;

    private final CounterRepository counters;

    public AutoSerials(CounterRepository counters) {
        this.counters = counters;
    }

    /**
     * @param reserved lower-case keys that must not be issued (serials elsewhere in the document);
     *                 the issued serials are added to it
     */
    public List<String> issue(long itemId, String sku, SerialFormat format, ZonedDateTime now, int count,
                              Set<String> reserved) throws SQLException {
        return issue(itemId, sku, format, now, count, reserved, true);
    }

    /**
     * @param lookUpTaken false: numbers whose serial exists are not looked up (a query over every
     *                    number); the caller finds them when it inserts the serials, by the unique
     *                    key, and replaces them by calling again with true. The numbers issued in
     *                    the end are the same.
     */
    public List<String> issue(long itemId, String sku, SerialFormat format, ZonedDateTime now, int count,
                              Set<String> reserved, boolean lookUpTaken) throws SQLException {
        String context = format.context(sku, now);
        String period = format.period(now);
        List<String> issued = new ArrayList<>(count);
        int needed = count;
        for (int round = 0; needed > 0; round++) {
            if (round == MAX_ROUNDS) {
                throw RuleViolation.invalid("Could not issue " + count + " serials for item " + sku + " with format "
                        + format + ": the numbers after the counter are taken");
            }
            long first = counters.allocate(itemId, context, period, format.start(), needed);
            if (first + needed - 1 > SerialFormat.MAX_COUNTER) {
                throw RuleViolation.invalid("The counter of item " + sku + " has run out of numbers (format "
                        + format + ")");
            }
            List<String> candidates = new ArrayList<>(needed);
            for (long n = first; n < first + needed; n++) {
                candidates.add(format.render(sku, now, n));
            }
            Set<String> taken = lookUpTaken ? new HashSet<>(counters.taken(candidates)) : Set.of();
            for (String candidate : candidates) {
                String key = SerialNumber.keyOf(candidate);
                if (!taken.contains(key) && reserved.add(key)) {
                    issued.add(candidate);
                }
            }
            needed = count - issued.size();
        }
        return issued;
    }

    /** The next number the item's counter would give now, without taking it. */
    public long next(long itemId, String sku, SerialFormat format, ZonedDateTime now) throws SQLException {
        return counters.peek(itemId, format.context(sku, now), format.period(now), format.start());
    }

    /** The next serials the item would get now, without taking any number. */
    public List<String> preview(long itemId, String sku, SerialFormat format, ZonedDateTime now, int count)
            throws SQLException {
        String context = format.context(sku, now);
        long next = counters.peek(itemId, context, format.period(now), format.start());
        List<String> result = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        for (int round = 0; result.size() < count && round < MAX_ROUNDS; round++) {
            int needed = count - result.size();
            List<String> candidates = new ArrayList<>(needed);
            for (long n = next; n < next + needed && n <= SerialFormat.MAX_COUNTER; n++) {
                candidates.add(format.render(sku, now, n));
            }
            next += needed;
            Set<String> taken = counters.taken(candidates);
            for (String candidate : candidates) {
                String key = SerialNumber.keyOf(candidate);
                if (!taken.contains(key) && seen.add(key)) {
                    result.add(candidate);
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
        }
        return result;
    }
}
