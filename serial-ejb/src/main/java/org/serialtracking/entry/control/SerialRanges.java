package org.serialtracking.entry.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Long lists of serials shown as ranges, and ranges turned back into serials. Serials join a range
 * when they share the text before and after their number, write the number with the same width and
 * count up by one; {@code expand(collapse(s))} gives back exactly the set {@code s}.
 */
public final class SerialRanges {

    private SerialRanges() {
    }

    /**
     * The serials as ranges, in {@link SerialOrder natural order} of their first serial. Exact
     * duplicates count once; serials differing only in case are different text and stay apart, so
     * that expanding gives back what was given. O(n log n): serials are grouped by shape in a hash
     * map and only each group is sorted.
     */
    public static List<SerialRange> collapse(Collection<String> serials) {
        Map<Shape, List<String>> numbersByShape = new HashMap<>();
        List<SerialRange> ranges = new ArrayList<>();
        Set<String> seen = new HashSet<>(Math.max(16, serials.size() * 2));
        for (String serial : serials) {
            Objects.requireNonNull(serial, "serial");
            if (!seen.add(serial)) {
                continue;
            }
            SerialParts parts = SerialParts.of(serial);
            if (parts.hasDigits()) {
                numbersByShape.computeIfAbsent(new Shape(parts.prefix(), parts.width(), parts.suffix()),
                        k -> new ArrayList<>()).add(parts.digits());
            } else {
                ranges.add(SerialRange.single(serial));
            }
        }
        numbersByShape.forEach((shape, numbers) -> runs(shape, numbers, ranges));
        return sorted(ranges);
    }

    /** Every serial of the ranges, range by range, at most {@link EntryLimits#MAX_SERIALS}. */
    public static List<String> expand(Collection<SerialRange> ranges) {
        return expand(ranges, EntryLimits.MAX_SERIALS);
    }

    /**
     * Every serial of the ranges, range by range. Only {@code first} and {@code last} are read
     * ({@code count} and {@code label} are display); a range follows the rules of {@code A..B} in
     * {@link QuickEntry}. Overlapping ranges give their common serials twice.
     */
    public static List<String> expand(Collection<SerialRange> ranges, int max) {
        List<String> serials = new ArrayList<>();
        for (SerialRange range : ranges) {
            if (range == null || range.first() == null || range.last() == null) {
                throw new RuleViolation(ErrorCode.INVALID_RANGE, "A range needs a first and a last serial.");
            }
            for (String end : List.of(range.first(), range.last())) {
                Optional<String> problem = SerialNumber.problemWith(end);
                if (problem.isPresent()) {
                    throw new RuleViolation(ErrorCode.INVALID_SERIAL, "A range ends with something that is not a serial number: "
                            + problem.get() + ".", List.of(end));
                }
            }
            List<String> members = range.first().equals(range.last()) ? List.of(range.first())
                    : NumberedSerials.between(range.first(), range.last(),
                    range.first() + SerialRange.DASH + range.last(), max);
            if ((long) serials.size() + members.size() > max) {
                throw EntryLimits.tooMany("The ranges hold more than " + EntryLimits.grouped(max)
                        + " serial numbers, the most that can be expanded at a time.");
            }
            serials.addAll(members);
        }
        return serials;
    }

    /** Serials share a range only with serials of the same shape: same text around, same width. */
    private record Shape(String prefix, int width, String suffix) {
    }

    private static void runs(Shape shape, List<String> numbers, List<SerialRange> into) {
        String[] sorted = numbers.toArray(new String[0]);
        // Same width, so text order is number order.
        Arrays.sort(sorted);
        int runStart = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || !sorted[i].equals(Digits.increment(sorted[i - 1]))) {
                into.add(SerialRange.of(shape.prefix() + sorted[runStart] + shape.suffix(),
                        shape.prefix() + sorted[i - 1] + shape.suffix(), i - runStart));
                runStart = i;
            }
        }
    }

    private static List<SerialRange> sorted(List<SerialRange> ranges) {
        record Keyed(SerialRange range, SerialParts parts) {
        }
        List<Keyed> keyed = new ArrayList<>(ranges.size());
        for (SerialRange r : ranges) {
            keyed.add(new Keyed(r, SerialParts.of(r.first())));
        }
        keyed.sort((x, y) -> SerialOrder.compare(x.range().first(), x.parts(), y.range().first(), y.parts()));
        List<SerialRange> result = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            result.add(k.range());
        }
        return List.copyOf(result);
    }
}
