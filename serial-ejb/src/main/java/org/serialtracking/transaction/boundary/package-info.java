/**
 * Document capability: posting ({@link org.serialtracking.transaction.boundary.PostingService}) and reading
 * posted documents. The commands and views here are what the API and the screens exchange.
 */
package org.serialtracking.transaction.boundary;
