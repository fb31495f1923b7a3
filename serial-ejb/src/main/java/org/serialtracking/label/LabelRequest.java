package org.serialtracking.label;

import java.util.List;

/** Labels for these serials, in this order, on sheets or rolls of a preset (default {@code A4_3X8}). */
public record LabelRequest(List<String> serials, String preset) {
}
