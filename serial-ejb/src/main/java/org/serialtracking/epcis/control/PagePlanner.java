package org.serialtracking.epcis.control;

import java.util.List;

/**
 * Where a page ends, decided before its first byte is written (the Link header to the next page
 * goes out first), from each entry's bound on its number of events: a page takes whole entries while
 * their bounds fit in what is left of {@code perPage}, and of the entry that does not fit the events
 * up to exactly that many, by number. A page therefore never holds more than {@code perPage} events
 * (fewer when bounds are above the real counts, or filters leave events out), and the next page
 * goes on right after the last event it could have held.
 */
public final class PagePlanner {

    private PagePlanner() {
    }

    /**
     * An entry of the feed after the page's start, in order, with a bound on its events: the serials
     * of a line are as many as its quantity, so ceil(|quantity| / per event) per line (and for a
     * repair, which makes an event per unit, |quantity|).
     */
    public record Entry(long xid, long documentId, int part, long bound) {
    }

    /**
     * The page's end: the position of its last event ({@code end}; equal to {@code after} when the
     * page is empty), and whether another page may follow ({@code more}: then {@code end} goes into
     * nextPageToken).
     */
    public record Plan(FeedPosition after, FeedPosition end, boolean more, int entries) {

        public boolean empty() {
            return entries == 0;
        }
    }

    /**
     * @param entries the entries from {@code after}'s on, in feed order, at most {@code limit}
     * @param limit   how many entries were asked for: when as many came, more may follow
     */
    public static Plan plan(FeedPosition after, List<Entry> entries, int perPage, int limit) {
        long budget = perPage;
        FeedPosition end = after;
        int taken = 0;
        for (Entry e : entries) {
            long first = after.at(e.xid(), e.documentId(), e.part()) ? (long) after.seq() + 1 : 0;
            long remaining = Math.max(0, e.bound() - first);
            taken++;
            if (remaining < budget) {
                budget -= remaining;
                end = new FeedPosition(e.xid(), e.documentId(), e.part(), FeedPosition.WHOLE);
            } else {
                end = new FeedPosition(e.xid(), e.documentId(), e.part(), (int) Math.min(first + budget - 1,
                        FeedPosition.WHOLE - 1L));
                return new Plan(after, end, true, taken);
            }
        }
        return new Plan(after, end, entries.size() >= limit, taken);
    }
}
