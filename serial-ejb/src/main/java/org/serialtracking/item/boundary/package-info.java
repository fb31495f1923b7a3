/** Item capability: create and change items, turn serial tracking on, initialise serials for existing stock. */
package org.serialtracking.item.boundary;
