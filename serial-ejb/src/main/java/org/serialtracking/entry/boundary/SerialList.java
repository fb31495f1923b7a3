package org.serialtracking.entry.boundary;

import java.util.List;

/** A list of serials, in and out of the entry tools. */
public record SerialList(List<String> serials) {
}
