package org.serialtracking.transaction.boundary;

import org.serialtracking.transaction.DocumentType;

import java.time.OffsetDateTime;

/** A document in a list: no lines. */
public record DocumentSummary(long id, DocumentType type, String number, String reference, OffsetDateTime postedAt,
                              String postedBy) {
}
