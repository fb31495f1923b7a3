/**
 * The SQL of the consistency check: one set-wise query per invariant, each returning the rows that
 * break it.
 */
package org.serialtracking.ledger.control;
