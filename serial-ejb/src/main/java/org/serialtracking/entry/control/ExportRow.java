package org.serialtracking.entry.control;

/** One line of a serial export; any field may be null (written empty). */
public record ExportRow(String serial, String sku, String status, String location, String company) {
}
