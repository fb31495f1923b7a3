package org.serialtracking.epcis.control;

import org.serialtracking.transaction.LineRole;

import java.math.BigDecimal;

/**
 * A line of a document as the feed reads it: its item (GTIN or SKU), where it happened (code and
 * company of its location and, for a move, its destination) and whether it moved serials (a line
 * without serials counts in a build's quantities).
 */
public record FeedLine(long id, int lineNo, LineRole role, BigDecimal quantity, long itemId, String sku, String gtin,
                       String location, String company, String toLocation, String toCompany, boolean hasSerials) {
}
