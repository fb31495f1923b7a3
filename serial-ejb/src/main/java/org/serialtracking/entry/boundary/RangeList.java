package org.serialtracking.entry.boundary;

import org.serialtracking.entry.control.SerialRange;

import java.util.List;

/** Serials collapsed into consecutive ranges, for display. */
public record RangeList(List<SerialRange> ranges) {
}
