package org.serialtracking.transaction.boundary;
import org.serialtracking.transaction.DocumentView;

/** A posted document, and whether it was posted now or by an earlier request with the same idempotency key. */
public record Posted(DocumentView document, boolean replayed) {
}
