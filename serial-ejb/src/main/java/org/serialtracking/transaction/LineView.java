package org.serialtracking.transaction;

import java.math.BigDecimal;
import java.util.List;

/**
 * A posted line. On a return: {@code reason} why its units came back, and {@code returnedInWarranty}
 * those of its serials that were still under warranty when they came back.
 */
public record LineView(int lineNo, String sku, String location, String toLocation, BigDecimal quantity,
                       LineRole role, List<String> serials, String reason, List<String> returnedInWarranty) implements java.io.Serializable {
}
