/**
 * The feed in plain Java and its SQL: which event a document line becomes ({@code EventMapping}),
 * the identifiers ({@code EpcisUris}), events from a document's lines and serials
 * ({@code EventAssembler}), the JSON-LD ({@code EpcisWriter}), where a page ends ({@code PagePlanner}),
 * the page token ({@code PageToken}) and the statements ({@code FeedRepository}).
 */
package org.serialtracking.epcis.control;
