package org.serialtracking.entry.boundary;

/** Typed or pasted serials: separated by new lines, commas, semicolons or spaces; {@code A..B} is a range. */
public record QuickEntryText(String text) {
}
