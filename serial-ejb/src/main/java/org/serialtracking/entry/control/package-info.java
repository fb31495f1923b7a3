/**
 * The serial entry tools, as pure rules without a container: reading serials from an uploaded
 * spreadsheet or text file ({@link org.serialtracking.entry.control.SerialImport}, streaming and
 * guarded against oversized, disguised, encrypted and zip-bomb files), generating a numbered range
 * ({@link org.serialtracking.entry.control.RangeGenerator}), parsing quick-entry text with
 * {@code A..B} ranges ({@link org.serialtracking.entry.control.QuickEntry}), collapsing serials into
 * ranges for display and expanding them back ({@link org.serialtracking.entry.control.SerialRanges}),
 * and writing an export as CSV or XLSX with formula injection neutralised
 * ({@link org.serialtracking.entry.control.SerialExport}). Refusals are
 * {@link org.serialtracking.common.RuleViolation}s with a stable code and a sentence a clerk can act
 * on; per-row problems of an import are data in the result, not errors.
 */
package org.serialtracking.entry.control;
