/**
 * Labels as plain Java without a container: what each label's symbols carry
 * ({@link org.serialtracking.label.control.LabelSymbols}: a GS1 DataMatrix with (01), (17), (10) and
 * (21) when the item has a GTIN, else the plain serial; a Code 128 of the serial where it can carry
 * it), encoded by Okapi Barcode and drawn as vector rectangles, and the PDF that holds them
 * ({@link org.serialtracking.label.control.LabelPdf}), written by OpenPDF one finished page at a time
 * so that ten thousand labels take no more memory than ten; text is Helvetica (a standard PDF font,
 * nothing looked up on the system), shrunk or shortened with an ellipsis to stay inside its label,
 * with {@code ?} for any character Helvetica lacks.
 */
package org.serialtracking.label.control;
