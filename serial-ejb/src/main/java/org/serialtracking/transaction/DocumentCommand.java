package org.serialtracking.transaction;

import org.serialtracking.common.Text;

import java.util.List;

/** A document to post: all its lines post together or not at all. */
public record DocumentCommand(DocumentType type, String reference, List<LineCommand> lines) {

    /** The reference is the one text of a document that no rule reads; it obeys {@link Text#field}. */
    public DocumentCommand {
        Text.field("reference", reference);
    }
}
