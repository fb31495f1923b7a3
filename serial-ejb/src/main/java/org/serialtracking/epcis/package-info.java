/**
 * The EPCIS 2.0 event feed (issue 15): the serial history as GS1 EPCIS events, for trading partners
 * to poll.
 */
package org.serialtracking.epcis;
