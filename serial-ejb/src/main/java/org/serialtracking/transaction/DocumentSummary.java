package org.serialtracking.transaction;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A document in a list, without its lines: {@code items} names the first items by SKU (and how many
 * more), {@code quantity} is the total quantity of its lines (decreases counted as moved units);
 * {@code party} the code of the supplier or customer it names, if any.
 */
public record DocumentSummary(long id, DocumentType type, String number, String reference, OffsetDateTime postedAt,
                              String postedBy, String items, BigDecimal quantity, String party) implements java.io.Serializable {
}
