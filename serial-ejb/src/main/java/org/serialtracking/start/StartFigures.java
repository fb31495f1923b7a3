package org.serialtracking.start;

import java.math.BigDecimal;

/**
 * What the start page shows first: units in stock (serials of tracked items), documents posted
 * today, items whose serials are not loaded yet, and what a first run still lacks.
 */
public record StartFigures(long serialsInStock, long documentsToday, long itemsNotInitialized, long companies,
                           long locations, long items, BigDecimal untrackedOnHand) implements java.io.Serializable {

    /** A newcomer cannot post anything before there is a location and an item. */
    public boolean firstRun() {
        return companies == 0 || locations == 0 || items == 0;
    }
}
