/** The start page's figures: what matters now, read in one query. */
package org.serialtracking.start.boundary;
