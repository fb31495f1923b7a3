package org.serialtracking.entry.boundary;

/**
 * Typed or pasted serials: separated by new lines, commas, semicolons or spaces; {@code A..B} is a range.
 * {@code sku}, optional: the item they are for; when it has a GTIN, entries that are GS1 barcode data
 * (element strings, the form with parentheses, Digital Link URIs) are read for their serial, lot and expiry.
 */
public record QuickEntryText(String text, String sku) {
}
