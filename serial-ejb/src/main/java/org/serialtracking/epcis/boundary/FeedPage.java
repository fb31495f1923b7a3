package org.serialtracking.epcis.boundary;

import org.serialtracking.epcis.control.EventAssembler;
import org.serialtracking.epcis.control.FeedQuery;
import org.serialtracking.epcis.control.FeedRepository;
import org.serialtracking.epcis.control.PagePlanner;

/**
 * A page of the feed, planned: what it reads (pinned to the horizon of its planning, so writing it
 * later reads exactly the planned entries), where it ends, and the token of the next page (null on
 * the last page).
 */
public record FeedPage(FeedQuery query, FeedRepository.Selection selection, EventAssembler.Filter filter,
                       PagePlanner.Plan plan, String nextPageToken) {
}
