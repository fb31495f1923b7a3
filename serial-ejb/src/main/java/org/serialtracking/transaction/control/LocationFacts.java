package org.serialtracking.transaction.control;

/** What the rules need to know of a location. */
public record LocationFacts(long id, String code, String company) {
}
