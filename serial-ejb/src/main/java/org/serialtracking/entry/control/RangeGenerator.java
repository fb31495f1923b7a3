package org.serialtracking.entry.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Numbered ranges of serials: {@code SN-0001-A … SN-0010-A} from a prefix, numbers, a padding and a
 * suffix, or {@code bilou-87 … bilou-96} by counting up the last group of digits of a first serial.
 * Padding is a minimum width: numbers that outgrow it are written in full. Every serial of a range
 * is a valid {@link SerialNumber}, or the request is refused as a whole. Results are immutable lists
 * computed on access, so even a million serials cost nothing until read.
 */
public final class RangeGenerator {

    private RangeGenerator() {
    }

    /** Dispatches on the fields given, refusing combinations that mean nothing or two things. */
    public static List<String> generate(RangeRequest request) {
        if (request == null) {
            throw invalid("The range is empty: give a prefix, start and end (or count), or a first serial and a count.");
        }
        if (request.first() != null) {
            if (request.prefix() != null || request.start() != null || request.end() != null
                    || request.padding() != null || request.suffix() != null) {
                throw invalid("Give either a first serial and a count, or a prefix, start, end (or count), "
                        + "padding and suffix, not both.");
            }
            if (request.count() == null) {
                throw invalid("A range from a first serial needs a count.");
            }
            return countingFrom(request.first(), request.count());
        }
        if (request.start() == null) {
            throw invalid("The range needs a start number (or a first serial).");
        }
        String prefix = request.prefix() == null ? "" : request.prefix();
        String suffix = request.suffix() == null ? "" : request.suffix();
        int padding = request.padding() == null ? 0 : request.padding();
        long start = request.start();
        if (request.end() == null && request.count() == null) {
            throw invalid("The range needs an end number or a count.");
        }
        if (request.end() == null) {
            return counted(prefix, start, request.count(), padding, suffix);
        }
        if (request.count() != null) {
            checkCount(request.count());
            checkNotNegative("start", start);
            // Both may come from a form that fills one from the other; they only have to agree.
            long impliedEnd = endOf(start, request.count());
            if (impliedEnd != request.end()) {
                throw invalid("The end number " + request.end() + " and the count " + request.count()
                        + " disagree: " + request.count() + " serials from " + start + " end at " + impliedEnd + ".");
            }
        }
        return numbered(prefix, start, request.end(), padding, suffix);
    }

    /** {@code prefix + number + suffix} for every number from {@code start} to {@code end}, both included. */
    public static List<String> numbered(String prefix, long start, long end, int padding, String suffix) {
        checkNotNegative("start", start);
        checkNotNegative("end", end);
        if (padding < 0) {
            throw invalid("The padding must not be negative (it is " + padding + ").");
        }
        if (end < start) {
            throw invalid("The end number " + end + " is before the start number " + start + ".");
        }
        long count = end - start + 1;
        // end - start cannot overflow for two non-negative longs; + 1 can only at Long.MAX_VALUE.
        if (count <= 0 || count > EntryLimits.MAX_SERIALS) {
            throw EntryLimits.tooMany("The range from " + start + " to " + end + " holds "
                    + EntryLimits.grouped(BigInteger.valueOf(end).subtract(BigInteger.valueOf(start)).add(BigInteger.ONE))
                    + " serial numbers; at most " + EntryLimits.grouped(EntryLimits.MAX_SERIALS)
                    + " can be generated at a time.");
        }
        String p = prefix == null ? "" : prefix;
        String s = suffix == null ? "" : suffix;
        // Checked by arithmetic before any serial is built: a padding of a billion must not allocate.
        long longest = (long) p.length() + Math.max(padding, Long.toString(end).length()) + s.length();
        if (longest > SerialNumber.MAX_LENGTH) {
            throw invalid("The serials of this range would be up to " + longest + " characters long; a serial number has at most "
                    + SerialNumber.MAX_LENGTH + ".");
        }
        return checked(new NumberedSerials(p, BigInteger.valueOf(start), (int) count, padding, s));
    }

    /** {@code count} serials from {@code start}: the range up to {@code start + count - 1}. */
    public static List<String> counted(String prefix, long start, long count, int padding, String suffix) {
        checkNotNegative("start", start);
        checkCount(count);
        return numbered(prefix, start, endOf(start, count), padding, suffix);
    }

    private static long endOf(long start, long count) {
        if (start > Long.MAX_VALUE - count + 1) {
            throw invalid("The numbers of this range would go beyond " + Long.MAX_VALUE + ".");
        }
        return start + count - 1;
    }

    /**
     * {@code count} serials counting up the last group of digits of {@code first}, keeping its width
     * as a minimum: {@code SN-0099} gives {@code SN-0099, SN-0100, SN-0101}; {@code A9} gives
     * {@code A9, A10}.
     */
    public static List<String> countingFrom(String first, long count) {
        String trimmed = first == null ? null : first.strip();
        Optional<String> problem = SerialNumber.problemWith(trimmed);
        if (problem.isPresent()) {
            throw new RuleViolation(ErrorCode.INVALID_SERIAL, "The first serial is not valid: " + problem.get() + ".",
                    List.of(first == null ? "" : first));
        }
        checkCount(count);
        SerialParts parts = SerialParts.of(trimmed);
        if (!parts.hasDigits()) {
            throw new RuleViolation(ErrorCode.INVALID_RANGE, "The first serial " + trimmed
                    + " has no digits to count up: the last group of digits is the counter (as in SN-0001).",
                    List.of(trimmed));
        }
        return checked(new NumberedSerials(parts.prefix(), parts.number(), (int) count, parts.width(), parts.suffix()));
    }

    /**
     * A range is valid when its first and last serials are: the text around the number is the same
     * in all of them and the last is the widest, so its length bounds the others.
     */
    private static List<String> checked(NumberedSerials serials) {
        for (String serial : List.of(serials.get(0), serials.get(serials.size() - 1))) {
            Optional<String> problem = SerialNumber.problemWith(serial);
            if (problem.isEmpty() && !serial.equals(serial.strip())) {
                problem = Optional.of("a serial number must not start or end with a space");
            }
            if (problem.isPresent()) {
                throw new RuleViolation(ErrorCode.INVALID_RANGE, "The range would produce serials that are not valid ("
                        + abbreviated(serial) + "): " + problem.get() + ".", List.of(serial));
            }
        }
        return serials;
    }

    private static String abbreviated(String serial) {
        return serial.length() <= 40 ? serial : serial.substring(0, 40) + "\u2026";
    }

    private static void checkNotNegative(String what, long value) {
        if (value < 0) {
            throw invalid("The " + what + " number must not be negative (it is " + value + ").");
        }
    }

    private static void checkCount(long count) {
        if (count < 1) {
            throw invalid("The count must be at least 1 (it is " + count + ").");
        }
        if (count > EntryLimits.MAX_SERIALS) {
            throw EntryLimits.tooMany("A range of " + EntryLimits.grouped(count) + " serial numbers is too many; at most "
                    + EntryLimits.grouped(EntryLimits.MAX_SERIALS) + " can be generated at a time.");
        }
    }

    private static RuleViolation invalid(String detail) {
        return new RuleViolation(ErrorCode.INVALID_RANGE, detail);
    }
}
