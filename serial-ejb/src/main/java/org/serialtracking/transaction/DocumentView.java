package org.serialtracking.transaction;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A posted document with its lines and, for tracked items, their serials (as stored);
 * {@code cancelledAt} and {@code cancelledBy} once it is cancelled; the {@code supplier} of a
 * receipt, the {@code customer} of a shipment or a return, when it names one (codes); a return's
 * {@code rma}.
 */
public record DocumentView(long id, DocumentType type, String number, String reference, OffsetDateTime postedAt,
                           String postedBy, List<LineView> lines, OffsetDateTime cancelledAt, String cancelledBy,
                           String supplier, String customer, String rma) implements java.io.Serializable {
}
