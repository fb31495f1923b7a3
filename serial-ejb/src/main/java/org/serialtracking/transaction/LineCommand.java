package org.serialtracking.transaction;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of a document to post. {@code toLocation} only on TRANSFER/RELOCATION lines, {@code role}
 * only on BUILD/WORK_ORDER lines; {@code serials} only for items that track serials.
 */
public record LineCommand(String sku, String location, String toLocation, BigDecimal quantity, LineRole role,
                          List<String> serials) {

    public List<String> serialsOrEmpty() {
        return serials == null ? List.of() : serials;
    }
}
