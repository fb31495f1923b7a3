/** Inventory → Companies and locations: the lists, and adding them (administrators). */
package org.serialtracking.site.screen;
