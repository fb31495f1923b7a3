/** The SQL of the audit trail: the only writer of {@code audit_event}. */
package org.serialtracking.audit.control;
