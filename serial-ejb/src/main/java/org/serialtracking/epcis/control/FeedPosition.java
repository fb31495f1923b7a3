package org.serialtracking.epcis.control;

/**
 * A place in the feed: an entry (a document's posting, part 0, or its cancellation, part 1, at the
 * transaction id that wrote it) and an event of it ({@code seq}, 0 on; {@link #WHOLE}: after all
 * its events). Positions order as the feed does: by transaction id, document id, part, event.
 */
public record FeedPosition(long xid, long documentId, int part, int seq) implements Comparable<FeedPosition> {

    /** After every event of the entry. */
    public static final int WHOLE = Integer.MAX_VALUE;

    /** Before the first event of the feed. */
    public static final FeedPosition START = new FeedPosition(0, 0, 0, -1);

    public FeedPosition {
        if (xid < 0 || documentId < 0 || part < 0 || part > 1 || seq < -1) {
            throw new IllegalArgumentException("not a feed position");
        }
    }

    /** Whether this position is at the entry (xid, documentId, part). */
    public boolean at(long entryXid, long entryDocumentId, int entryPart) {
        return xid == entryXid && documentId == entryDocumentId && part == entryPart;
    }

    /** Whether the entry's events after this position may still follow (it is not past the whole entry). */
    public boolean inclusive() {
        return seq != WHOLE;
    }

    /** The entry order: negative when (xid, documentId, part) comes before this position's entry. */
    public int compareEntry(long entryXid, long entryDocumentId, int entryPart) {
        int c = Long.compare(entryXid, xid);
        if (c == 0) {
            c = Long.compare(entryDocumentId, documentId);
        }
        return c != 0 ? c : Integer.compare(entryPart, part);
    }

    @Override
    public int compareTo(FeedPosition o) {
        int c = o.compareEntry(xid, documentId, part);
        return c != 0 ? c : Integer.compare(seq, o.seq);
    }
}
