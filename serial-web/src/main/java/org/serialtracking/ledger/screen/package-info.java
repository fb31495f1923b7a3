/** "Check the ledger" on the settings screen. */
package org.serialtracking.ledger.screen;
