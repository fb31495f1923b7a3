/**
 * The ledger as a whole: the sequences that once made it disagree with itself, the consistency
 * check, and (last of every integration test run) the check over everything the suite wrote.
 */
package org.serialtracking.it.ledger;
