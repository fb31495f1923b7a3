/** The EPCIS 2.0 event feed: {@code /api/epcis/events}. */
package org.serialtracking.epcis.rest;
