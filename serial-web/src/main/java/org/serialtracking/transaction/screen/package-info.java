/**
 * Transactions: the form for each document type with its lines and their serials, the read-only
 * view of a posted document (and its cancellation), and the list of documents.
 */
package org.serialtracking.transaction.screen;
