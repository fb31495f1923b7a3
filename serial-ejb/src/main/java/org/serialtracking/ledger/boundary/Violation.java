package org.serialtracking.ledger.boundary;

/** One place where the ledger disagrees with itself: the rule, what breaks it, and how. */
public record Violation(String rule, String subject, String detail) implements java.io.Serializable {
}
