package org.serialtracking.transaction.boundary;

import org.serialtracking.transaction.DocumentType;

import java.util.List;

/** A document to post: all its lines post together or not at all. */
public record DocumentCommand(DocumentType type, String reference, List<LineCommand> lines) {
}
