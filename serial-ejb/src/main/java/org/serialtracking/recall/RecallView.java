package org.serialtracking.recall;

import java.time.OffsetDateTime;

/**
 * A recall: what it asked, how many suspects that found, and (when read alone) the units it reaches now.
 *
 * @param suspects how many serials are suspect
 * @param counts   the units reached, by state and customer; null in lists
 */
public record RecallView(String number, String reason, Status status, RecallCriteria criteria, long suspects,
                         OffsetDateTime createdAt, String createdBy, OffsetDateTime closedAt, String closedBy,
                         String closingNote, RecallCounts counts) implements java.io.Serializable {

    public enum Status { OPEN, CLOSED }

    public RecallView withCounts(RecallCounts c) {
        return new RecallView(number, reason, status, criteria, suspects, createdAt, createdBy, closedAt, closedBy,
                closingNote, c);
    }
}
