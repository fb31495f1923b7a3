/**
 * Posting control: the movement table ({@link org.serialtracking.transaction.control.Movement}), the rules
 * that need no database ({@link org.serialtracking.transaction.control.DocumentRules}) and the set-wise
 * SQL that applies a document ({@link org.serialtracking.transaction.control.PostingRepository}).
 */
package org.serialtracking.transaction.control;
