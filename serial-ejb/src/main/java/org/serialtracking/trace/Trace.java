package org.serialtracking.trace;

/**
 * A serial's trace: {@code backward} what it is made of, recursively; {@code forward} every unit it
 * went into, up to the top, each with its state now. {@code truncated}: the trace had more than
 * {@code Trace.MAX_NODES} units and shows the first ones, nearest first.
 */
public record Trace(String direction, boolean truncated, int units, TraceNode root) {

    public static final int MAX_NODES = 10_000;
}
