package org.serialtracking.transaction.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.common.Page;
import org.serialtracking.label.LabelPreset;
import org.serialtracking.label.boundary.LabelService;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.boundary.CancellationService;
import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.boundary.DocumentQueryService;
import org.serialtracking.transaction.DocumentSummary;
import org.serialtracking.transaction.DocumentView;
import org.serialtracking.transaction.boundary.Posted;
import org.serialtracking.transaction.boundary.PostingService;

@Path("transactions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class TransactionResource {

    @Inject
    PostingService posting;

    @Inject
    DocumentQueryService documents;

    @Inject
    CancellationService cancellations;

    @Inject
    LabelService labels;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CLERK})
    @Operation(summary = "Post a document",
            description = "All lines post together or nothing does. Rule violations are problem details with a "
                    + "stable code and the offending serials (422; DUPLICATE_SERIAL is 409).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "DocumentView")))
    @APIResponse(responseCode = "422", description = "A rule is broken (problem details with code and serials)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response post(@RequestBody(content = @Content(schema = @Schema(ref = "DocumentCommand"))) DocumentCommand document,
                         @Parameter(description = "retries with the same key and body return the first document (200)")
                         @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Posted posted = posting.post(document, idempotencyKey);
        if (posted.replayed()) {
            return Response.ok(posted.document()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(posted.document().id())).build())
                .entity(posted.document()).build();
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK})
    @Operation(summary = "Cancel a posted document",
            description = "Reverses its stock and serial moves with reversing history rows, while every serial is "
                    + "still where the document left it; otherwise 422 SERIAL_MOVED_ON naming the serials.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "DocumentView")))
    public DocumentView cancel(@PathParam("id") long id) {
        return cancellations.cancel(id);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "A posted document with its lines and serials")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "DocumentView")))
    public DocumentView get(@PathParam("id") long id) {
        return documents.get(id);
    }

    @GET
    @Path("{id}/labels.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "Labels of every serial the document moved, one per serial, as a PDF (streamed)",
            description = "Each label: a DataMatrix (GS1 DataMatrix with (01)(17)(10)(21) when the item has a GTIN, "
                    + "else the serial), a Code 128 of the serial, the serial, SKU, name, lot and expiry. `preset`: "
                    + "A4_3X8 (default), LETTER_3X10, ROLL_50X25 or ROLL_100X50. 404 for no such document, 422 "
                    + "when it moved no serials.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response labels(@PathParam("id") long id, @QueryParam("preset") String preset) {
        LabelPreset layout = LabelService.preset(preset);
        labels.checkDocument(id);
        StreamingOutput body = out -> labels.documentLabels(id, layout, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"labels-" + id + ".pdf\"").build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "Posted documents, newest first (keyset-paged)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "DocumentPage")))
    public Page<DocumentSummary> list(@QueryParam("sku") String sku, @QueryParam("type") DocumentType type,
                                      @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return documents.list(sku, type, limit, after);
    }
}
