/**
 * Recalls (issue 14): the suspects a quality engineer names, and every top-level unit they went
 * into, as it stands now.
 */
package org.serialtracking.recall;
