package org.serialtracking.epcis.control;

/**
 * A serial a document moved, in the feed's order: its line, and for a repair the unit it went into
 * or came out of ({@code unitId} null: none, or not known any more).
 */
public record FeedSerial(long lineId, Long unitId, String serial, String serialKey, String unitSerial, String unitSku,
                         String unitGtin) {
}
