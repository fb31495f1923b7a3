package org.serialtracking.epcis.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A query of the feed, checked once at the edge: the event time window ({@code GE_eventTime}
 * included, {@code LT_eventTime} excluded), the EPCs an event must carry ({@code MATCH_epc}), its
 * business steps ({@code EQ_bizStep}), the page size and the position to go on from. Lists come
 * as repeated parameters or comma-separated, as the EPCIS 2.0 REST binding writes them.
 *
 * @param bizSteps bare CBV words; a step named in no vocabulary we know becomes {@link #NO_STEP}, which
 *                 no event has
 */
public record FeedQuery(Instant from, Instant until, List<String> epcs, Set<String> bizSteps, int perPage,
                        FeedPosition after) {

    public static final int DEFAULT_PER_PAGE = 100;
    /** A page streams, so its size costs time rather than memory. */
    public static final int MAX_PER_PAGE = 100_000;
    /** What a business step that no vocabulary has matches: nothing. */
    public static final String NO_STEP = "";

    public FeedQuery {
        epcs = List.copyOf(epcs);
        bizSteps = Set.copyOf(bizSteps);
    }

    /**
     * The query of the raw parameters; 400 BAD_REQUEST for a time that is no ISO-8601 date-time or
     * a token this feed did not give for these filters, 422 VALIDATION for a page size out of bounds.
     */
    public static FeedQuery of(String geEventTime, String ltEventTime, Collection<String> matchEpc,
                               Collection<String> eqBizStep, Integer perPage, String nextPageToken) {
        Instant from = time("GE_eventTime", geEventTime);
        Instant until = time("LT_eventTime", ltEventTime);
        List<String> epcs = split(matchEpc);
        Set<String> steps = new TreeSet<>();
        for (String step : split(eqBizStep)) {
            steps.add(Cbv.bizStepWord(step).orElse(NO_STEP));
        }
        int size = perPage == null ? DEFAULT_PER_PAGE : perPage;
        if (size < 1 || size > MAX_PER_PAGE) {
            throw RuleViolation.invalid("perPage must be between 1 and " + MAX_PER_PAGE);
        }
        FeedQuery query = new FeedQuery(from, until, epcs, steps, size, FeedPosition.START);
        if (nextPageToken == null || nextPageToken.isBlank()) {
            return query;
        }
        return new FeedQuery(from, until, epcs, steps, size, PageToken.decode(nextPageToken, query.fingerprint()));
    }

    /** The filters (not the page size or position) as one short hash: a token is valid only for them. */
    public String fingerprint() {
        return PageToken.fingerprint("from=" + (from == null ? "" : from) + "\nuntil=" + (until == null ? "" : until)
                + "\nepcs=" + String.join("\n", new TreeSet<>(epcs)) + "\nsteps=" + String.join(",", bizSteps));
    }

    /** The token of a page that ended at this position. */
    public String token(FeedPosition end) {
        return PageToken.encode(end, fingerprint());
    }

    public Optional<Instant> fromTime() {
        return Optional.ofNullable(from);
    }

    public Optional<Instant> untilTime() {
        return Optional.ofNullable(until);
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolation(ErrorCode.BAD_REQUEST, name + " must be an ISO-8601 date-time with its offset, "
                    + "e.g. 2026-11-26T08:00:00Z or 2026-11-26T09:00:00+01:00");
        }
    }

    private static List<String> split(Collection<String> values) {
        List<String> result = new ArrayList<>();
        if (values == null) {
            return result;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }
}
