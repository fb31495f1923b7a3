/** Inventory → Serial List: every serial, keyset-paged and filtered on the server, with its history. */
package org.serialtracking.serial.screen;
