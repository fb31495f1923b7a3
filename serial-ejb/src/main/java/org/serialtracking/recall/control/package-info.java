/** The rules of a recall's request, and the SQL that resolves its suspects and walks up to its units. */
package org.serialtracking.recall.control;
