package org.serialtracking.entry.control;

/**
 * A request for a numbered range, shaped like the JSON a client sends; absent fields are null.
 * Either numbers, {@code {"prefix":"SN-","start":1,"end":10,"padding":4,"suffix":"-A"}} (or
 * {@code count} instead of {@code end}), or a first serial and a count,
 * {@code {"first":"bilou-87","count":10}}. {@link RangeGenerator#generate(RangeRequest)} checks
 * which combination was given.
 */
public record RangeRequest(String prefix, Long start, Long end, Long count, Integer padding, String suffix,
                           String first) {

    public static RangeRequest numbered(String prefix, long start, long end, int padding, String suffix) {
        return new RangeRequest(prefix, start, end, null, padding, suffix, null);
    }

    public static RangeRequest counted(String prefix, long start, long count, int padding, String suffix) {
        return new RangeRequest(prefix, start, null, count, padding, suffix, null);
    }

    public static RangeRequest from(String first, long count) {
        return new RangeRequest(null, null, null, count, null, null, first);
    }
}
