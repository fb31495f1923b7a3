package org.serialtracking.serial;

import java.time.OffsetDateTime;

/**
 * One move of one serial, with the document and the user that made it; {@code reversal} rows undo
 * a move of a document that was cancelled (same type, opposite quantity); {@code party} the supplier
 * or customer the document names (a code), if any.
 */
public record HistoryView(HistoryType type, long transactionId, String transactionNumber, OffsetDateTime at,
                          int quantity, String location, String user, boolean reversal, String party) implements java.io.Serializable {
}
