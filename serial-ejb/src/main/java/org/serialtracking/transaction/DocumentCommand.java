package org.serialtracking.transaction;

import org.serialtracking.common.Text;

import java.util.List;

/**
 * A document to post: all its lines post together or not at all. A RECEIPT may name its
 * {@code supplier}, a SHIPMENT or a RESTOCK its {@code customer} (codes of parties that exist); a
 * RESTOCK may carry the customer's return authorisation ({@code rma}).
 */
public record DocumentCommand(DocumentType type, String reference, List<LineCommand> lines, String supplier,
                              String customer, String rma) {

    /** The reference is the one text of a document that no rule reads; it obeys {@link Text#field}. */
    public DocumentCommand {
        Text.field("reference", reference);
        Text.code("supplier", supplier);
        Text.code("customer", customer);
        Text.field("rma", rma);
    }

    /** A document that names no party (a factory: JSON binding needs the record's one constructor). */
    public static DocumentCommand of(DocumentType type, String reference, List<LineCommand> lines) {
        return new DocumentCommand(type, reference, lines, null, null, null);
    }
}
