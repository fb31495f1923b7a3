package org.serialtracking.format.boundary;

/** A format to check; {@code sku} is optional (serials with [[SKU]] then show "SKU"). */
public record FormatCheck(String format, String sku) {
}
