/**
 * The ledger's own audit: {@link org.serialtracking.ledger.boundary.ConsistencyCheck} verifies, in
 * one snapshot of the whole database, every invariant the posting rules and the database's guards
 * promise, and reports each violation it finds (none is expected).
 */
package org.serialtracking.ledger.boundary;
