/**
 * Printable serial labels (issue 15): a {@link org.serialtracking.label.Label} says what one label
 * shows (the serial, and the item's SKU, name, GTIN, lot and expiry where known), a
 * {@link org.serialtracking.label.LabelPreset} where labels sit on the page (a thermal roll, one label
 * a page, or an office sheet of many), and {@link org.serialtracking.label.control.LabelPdf} writes
 * any number of them as one PDF, streamed page by page, each label with a DataMatrix (GS1 when the
 * item has a GTIN), a Code 128 of the serial and the text a person reads.
 */
package org.serialtracking.label;
