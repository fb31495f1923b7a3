package org.serialtracking.epcis.control;

import org.serialtracking.party.PartyKind;
import org.serialtracking.transaction.DocumentType;

import java.time.OffsetDateTime;

/**
 * A document as the feed reads it, at one of its entries: its posting ({@code part} 0, written by
 * transaction {@code xid}) or its cancellation (part 1, written by the cancelling transaction), which
 * re-issues the posting's events with an error declaration.
 *
 * @param party     the customer or supplier it names, or null
 * @param rma       a restock's return authorisation, or null
 */
public record FeedDocument(long xid, long id, int part, String number, DocumentType type, OffsetDateTime postedAt,
                           OffsetDateTime cancelledAt, PartyKind partyKind, String party, String rma) {

    public boolean declaration() {
        return part == 1;
    }

    public boolean isAt(FeedPosition position) {
        return position.at(xid, id, part);
    }
}
