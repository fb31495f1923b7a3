/**
 * The feed's service: plans a page (its end and the next page's token, pinned to a horizon) and
 * streams it as an EPCIS 2.0 query document in JSON-LD.
 */
package org.serialtracking.epcis.boundary;
