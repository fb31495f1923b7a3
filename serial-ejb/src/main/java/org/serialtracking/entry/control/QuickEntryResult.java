package org.serialtracking.entry.control;

import java.util.List;

/**
 * The serials of a quick entry, in the order written, ranges expanded; {@code duplicatesRemoved}
 * counts the later repeats (case-insensitive) that were dropped.
 */
public record QuickEntryResult(List<String> serials, int count, int duplicatesRemoved) {
}
