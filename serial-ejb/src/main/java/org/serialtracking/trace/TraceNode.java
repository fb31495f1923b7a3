package org.serialtracking.trace;

import org.serialtracking.serial.SerialStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One unit in a trace, with where it is now and where it came from.
 *
 * @param location     where it is, while in stock
 * @param lastDocument the document that moved it last; for a shipped unit the shipment
 * @param customer     the customer a shipped unit went to (when the shipment names one)
 * @param joinedBy     the build that joined this unit to the one above it in the trace
 * @param exact        whether that build said so (false: it was one of several outputs it may be in)
 * @param linkedAt     when it was joined to the unit above it
 * @param removedBy    the repair that took it out of the unit above it (backward traces show what was
 *                     inside before, too); null while it is inside
 * @param removedAt    when that repair took it out
 * @param builtBy      the build or work order that made this unit, if one did
 * @param receivedOn   the receipt it came in with, if it was received
 * @param supplier     that receipt's supplier
 * @param materials    untracked components its build consumed (document level)
 * @param children     backward: what it is made of; forward: what it went into
 */
public record TraceNode(String serial, String sku, SerialStatus status, String location, String lastDocument,
                        String customer, String joinedBy, Boolean exact, OffsetDateTime linkedAt, String removedBy,
                        OffsetDateTime removedAt, String builtBy, String receivedOn,
                        String supplier, List<Material> materials, List<TraceNode> children) implements java.io.Serializable {

    /** An untracked component a build consumed: how much of it, from where, on which document. */
    public record Material(String sku, BigDecimal quantity, String location, String document) implements java.io.Serializable {
    }
}
