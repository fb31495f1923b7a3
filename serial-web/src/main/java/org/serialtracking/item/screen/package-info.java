/** Inventory → Items: the searchable list, and adding or editing an item with its serial settings. */
package org.serialtracking.item.screen;
