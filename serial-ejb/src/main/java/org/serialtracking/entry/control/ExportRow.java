package org.serialtracking.entry.control;

import java.util.Arrays;
import java.util.List;

/** One line of a serial export; any field may be null (written empty). */
public record ExportRow(String serial, String sku, String status, String location, String company, String lot,
                        String expiry) {

    public ExportRow(String serial, String sku, String status, String location, String company) {
        this(serial, sku, status, location, company, null, null);
    }

    /** The row's cells, in the order of {@link SerialExport#HEADER}. */
    public List<String> cells() {
        return Arrays.asList(serial, sku, status, location, company, lot, expiry);
    }
}
