package org.serialtracking.epcis.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.epcis.boundary.EpcisFeedService;
import org.serialtracking.epcis.boundary.FeedPage;
import org.serialtracking.epcis.control.FeedQuery;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The EPCIS 2.0 event feed (issue 15), with the query parameters and paging of the EPCIS 2.0 REST
 * binding: a trading partner follows {@code Link: <…>; rel="next"} to the end and keeps the last
 * token it was given to poll for what comes after. Everyone signed in reads it.
 */
@Path("epcis/events")
@RequestScoped
@Tag(name = "EPCIS")
public class EpcisResource {

    static final String JSON_LD = "application/ld+json";

    @Inject
    EpcisFeedService feed;

    @GET
    @Produces({JSON_LD, "application/json"})
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "The serial history as EPCIS 2.0 events (an EPCISQueryDocument, JSON-LD), in the order the "
            + "documents committed",
            description = "One event per document line (ObjectEvent: receipts, shipments, transfers, relocations, "
                    + "adjustments, restocks, serial initialisations), per build or work order (TransformationEvent) "
                    + "and per repaired unit (AggregationEvent); at most 1,000 EPCs to an event (a larger line makes "
                    + "several). A cancelled document's events are re-issued later in the feed with the same eventID "
                    + "and an errorDeclaration (reason incorrect_data). Serials of an item with a GTIN are SGTIN GS1 "
                    + "Digital Link URIs, everything else is named under SERIAL_EPCIS_BASE. Paging is by keyset over "
                    + "committed transactions: a document that commits after a page was read always comes on a later "
                    + "page. The next page's token is in the `Link` header (rel=\"next\") and the document "
                    + "(`st:nextPageToken`); there is none on the last page, whose token the caller keeps to poll. "
                    + "400 BAD_REQUEST: a time that is no ISO-8601 date-time, or a token not returned for these "
                    + "parameters.")
    @APIResponse(responseCode = "200", description = "An EPCIS 2.0 query document",
            headers = @Header(name = "Link", description = "`<this query with the next page's token>; rel=\"next\"`, "
                    + "unless this is the last page", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = {@Content(mediaType = JSON_LD), @Content(mediaType = "application/json")})
    @APIResponse(responseCode = "400", description = "A malformed time or page token (BAD_REQUEST)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "perPage out of bounds (VALIDATION)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response events(
            @Parameter(description = "events at or after this time (ISO-8601 with offset)")
            @QueryParam("GE_eventTime") String geEventTime,
            @Parameter(description = "events before this time (ISO-8601 with offset)")
            @QueryParam("LT_eventTime") String ltEventTime,
            @Parameter(description = "events whose EPC lists hold one of these EPCs (repeated or comma-separated)")
            @QueryParam("MATCH_epc") List<String> matchEpc,
            @Parameter(description = "events of one of these business steps: CBV word (`shipping`) or URI "
                    + "(repeated or comma-separated)")
            @QueryParam("EQ_bizStep") List<String> eqBizStep,
            @Parameter(description = "events per page, 1 to " + FeedQuery.MAX_PER_PAGE + " (default "
                    + FeedQuery.DEFAULT_PER_PAGE + ")")
            @QueryParam("perPage") Integer perPage,
            @Parameter(description = "the token of the previous page (from its Link header)")
            @QueryParam("nextPageToken") String nextPageToken,
            @Context UriInfo uri) {
        FeedPage page = feed.plan(FeedQuery.of(geEventTime, ltEventTime, matchEpc, eqBizStep, perPage, nextPageToken));
        StreamingOutput body = out -> feed.write(page, out);
        Response.ResponseBuilder response = Response.ok(body).header("GS1-EPCIS-Version", "2.0.0")
                .header("GS1-CBV-Version", "2.0.0");
        if (page.nextPageToken() != null) {
            response.header("Link", "<" + next(uri, page.nextPageToken()) + ">; rel=\"next\"");
        }
        return response.build();
    }

    /**
     * This request's address with the next page's token in place of its own: the other parameters
     * exactly as the client encoded them (the token is base64url, nothing to encode).
     */
    static String next(UriInfo uri, String token) {
        String address = uri.getRequestUri().toString();
        int q = address.indexOf('?');
        String path = q < 0 ? address : address.substring(0, q);
        String kept = q < 0 ? "" : Arrays.stream(address.substring(q + 1).split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("nextPageToken=") && !p.equals("nextPageToken"))
                .collect(Collectors.joining("&"));
        return path + "?" + (kept.isEmpty() ? "" : kept + "&") + "nextPageToken=" + token;
    }
}
