/** Creating, reading, exporting and closing recalls. */
package org.serialtracking.recall.boundary;
