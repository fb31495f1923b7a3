/**
 * GS1 barcodes in: the GTIN as a value type and the parser that turns a scanned GS1 DataMatrix,
 * GS1-128 or QR code (element string with FNC1 separators, the parenthesised text printed under the
 * code, or a GS1 Digital Link URI) into its GTIN, serial, lot and expiry. Everything here is pure and
 * container-free; a scan is only read as GS1 when {@link org.serialtracking.gs1.Gs1#looksLikeGs1}
 * says so, so that a plain serial that happens to look like an AI stays a serial.
 */
package org.serialtracking.gs1;
