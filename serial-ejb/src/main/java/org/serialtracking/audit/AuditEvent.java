package org.serialtracking.audit;

import java.time.OffsetDateTime;

/** One change: when, by whom, what kind, to what (a document number, a SKU, "settings"), and how. */
public record AuditEvent(long id, OffsetDateTime at, String user, String action, String subject, String detail) {
}
