/** The start page: units in stock, today's documents, items to initialise, first steps. */
package org.serialtracking.start.screen;
