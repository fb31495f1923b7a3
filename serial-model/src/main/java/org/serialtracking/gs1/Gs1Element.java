package org.serialtracking.gs1;

/**
 * One element of a GS1 scan: the Application Identifier, its data as read (percent-decoding and
 * {@code \(} escapes undone; a GTIN-8, -12 or -13 in a Digital Link padded to 14 digits), and the
 * 1-based position of the AI's first digit in the scan as it was given, so that a screen can point at it.
 */
public record Gs1Element(String ai, String value, int position) {
}
