package org.serialtracking.transaction;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One line of a document to post. {@code toLocation} only on TRANSFER/RELOCATION lines, {@code role}
 * only on BUILD/WORK_ORDER lines; {@code serials} only for items that track serials. {@code into}
 * only on a COMPONENT line: which output serial of the document each of its serials went into
 * (component serial → output serial; optional, see {@code Genealogy}). {@code reason} only on a
 * RESTOCK line: why the customer sent the units back.
 */
public record LineCommand(String sku, String location, String toLocation, BigDecimal quantity, LineRole role,
                          List<String> serials, Map<String, String> into, String reason) {

    /** A line that assigns no components (a factory: JSON binding needs the record's one constructor). */
    public static LineCommand of(String sku, String location, String toLocation, BigDecimal quantity, LineRole role,
                                 List<String> serials) {
        return new LineCommand(sku, location, toLocation, quantity, role, serials, null, null);
    }

    public List<String> serialsOrEmpty() {
        return serials == null ? List.of() : serials;
    }

    public Map<String, String> intoOrEmpty() {
        return into == null ? Map.of() : into;
    }
}
