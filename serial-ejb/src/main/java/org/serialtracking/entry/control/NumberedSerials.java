package org.serialtracking.entry.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The serials {@code prefix + n + suffix} for {@code size} consecutive numbers from {@code start},
 * each number zero-padded to at least {@code width} digits. An immutable view computed on access, so
 * a range of a million serials costs a few fields until someone reads it.
 */
final class NumberedSerials extends AbstractList<String> implements RandomAccess {

    private final String prefix;
    private final BigInteger start;
    /** The start as a long when every number of the run fits one: the common, cheaper case. */
    private final long smallStart;
    private final boolean small;
    private final int size;
    private final int width;
    private final String suffix;

    NumberedSerials(String prefix, BigInteger start, int size, int width, String suffix) {
        this.prefix = Objects.requireNonNull(prefix);
        this.start = Objects.requireNonNull(start);
        this.size = size;
        this.width = width;
        this.suffix = Objects.requireNonNull(suffix);
        this.small = start.add(BigInteger.valueOf(size)).bitLength() < Long.SIZE - 1;
        this.smallStart = small ? start.longValueExact() : 0;
    }

    /**
     * The serials from {@code first} to {@code last}, both included, as in {@code SN-0001..SN-0010}:
     * the text around the numbers must match (case-insensitively; the first's spelling is used), and
     * {@code last} must be written the way counting up from {@code first} writes it. Counting keeps
     * the first's width as a minimum, so {@code A9..A11} and {@code SN-0099..SN-0101} are ranges,
     * while {@code A9..A011} is not.
     *
     * @param shown how the clerk wrote the range, for the message
     * @param max   the most serials the range may hold
     */
    static NumberedSerials between(String first, String last, String shown, long max) {
        SerialParts a = SerialParts.of(first);
        SerialParts b = SerialParts.of(last);
        if (!a.hasDigits() || !b.hasDigits()) {
            throw invalid(shown, "a range counts the number at the end of a serial, but "
                    + (a.hasDigits() ? last : first) + " has no digits", first, last);
        }
        if (!a.prefix().equalsIgnoreCase(b.prefix()) || !a.suffix().equalsIgnoreCase(b.suffix())) {
            throw invalid(shown, first + " and " + last + " differ in more than their number "
                    + "(the text before and after the number must be the same)", first, last);
        }
        BigInteger from = a.number();
        BigInteger to = b.number();
        if (to.compareTo(from) < 0) {
            throw invalid(shown, "the range runs backwards: " + last + " comes before " + first, first, last);
        }
        if (!Digits.pad(to, a.width()).equals(b.digits())) {
            throw invalid(shown, first + " and " + last + " write their numbers with different widths "
                    + "(counting up from " + first + " reaches " + a.prefix() + Digits.pad(to, a.width())
                    + a.suffix() + ")", first, last);
        }
        BigInteger size = to.subtract(from).add(BigInteger.ONE);
        if (size.compareTo(BigInteger.valueOf(max)) > 0) {
            throw EntryLimits.tooMany("'" + shown + "' holds " + EntryLimits.grouped(size)
                    + " serial numbers; at most " + EntryLimits.grouped(max) + " can be entered at a time");
        }
        return new NumberedSerials(a.prefix(), from, size.intValueExact(), a.width(), a.suffix());
    }

    private static RuleViolation invalid(String shown, String why, String first, String last) {
        return new RuleViolation(ErrorCode.INVALID_RANGE, "'" + shown + "': " + why, List.of(first, last));
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, size);
        String number = small ? Long.toString(smallStart + index) : start.add(BigInteger.valueOf(index)).toString();
        return prefix + Digits.pad(number, width) + suffix;
    }

    @Override
    public int size() {
        return size;
    }
}
