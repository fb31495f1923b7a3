package org.serialtracking.entry.control;

import java.util.Arrays;
import java.util.List;

/** One line of a serial export; any field may be null (written empty). */
public record ExportRow(String serial, String sku, String status, String location, String company) {

    /** The row's cells, in the order of {@link SerialExport#HEADER}. */
    public List<String> cells() {
        return Arrays.asList(serial, sku, status, location, company);
    }
}
