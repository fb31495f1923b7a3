package org.serialtracking.recall.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.common.Page;
import org.serialtracking.recall.RecallCommand;
import org.serialtracking.recall.RecallUnit;
import org.serialtracking.recall.RecallView;
import org.serialtracking.recall.boundary.RecallService;
import org.serialtracking.serial.boundary.ExportFormat;

/**
 * Recalls (issue 14). Admins and clerks create and close them; everyone signed in reads them and
 * their units.
 */
@Path("recalls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recalls")
public class RecallResource {

    /** What a close says. */
    public record Closing(String note) {
    }

    @Inject
    RecallService recalls;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CLERK})
    @Operation(summary = "Create a recall (RCL-000001 on) from its suspects",
            description = "Suspects: `serials`; `components` (a component item consumed by builds from `from` to "
                    + "`to`, both days included, UTC, optionally at one `location`: the serials consumed, or, where "
                    + "the builds consumed it untracked, the units they made); `suppliers` (every serial received "
                    + "from them); `receipts` (every serial received on them). 422 UNKNOWN_SERIAL / UNKNOWN_PARTY "
                    + "name what is not known; an unknown item or location is 404.")
    @APIResponse(responseCode = "201", description = "Created, with its counts", content = @Content(schema = @Schema(ref = "RecallView")))
    @APIResponse(responseCode = "422", description = "A rule is broken (problem details)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(@RequestBody(content = @Content(schema = @Schema(ref = "RecallCommand"))) RecallCommand command) {
        RecallView created = recalls.create(command);
        return Response.status(Response.Status.CREATED).header("Location", "recalls/" + created.number())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "Recalls, newest first (status OPEN or CLOSED; keyset-paged)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "RecallPage")))
    public Page<RecallView> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                 @QueryParam("after") String after) {
        return recalls.list(status, limit, after);
    }

    @GET
    @Path("{number}")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "One recall with the units it reaches now, counted by state and by customer")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "RecallView")))
    public RecallView get(@PathParam("number") String number) {
        return recalls.get(number);
    }

    @GET
    @Path("{number}/units")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "The top-level units the recall reaches, by serial, with the path from the suspect, state "
            + "now, customer, shipment and warranty",
            description = "`status`: IN_STOCK, SHIPPED, RETURNED, CONSUMED or REMOVED; `customer`: a customer code.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "RecallUnitPage")))
    public Page<RecallUnit> units(@PathParam("number") String number, @QueryParam("status") String status,
                                  @QueryParam("customer") String customer, @QueryParam("limit") Integer limit,
                                  @QueryParam("after") String after) {
        return recalls.units(number, status, customer, limit, after);
    }

    @GET
    @Path("{number}/units/export")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Download the recall's units as CSV or XLSX (streamed), with the same filters",
            description = "Values beginning with =, +, - or @ are neutralised against formula injection.")
    public Response export(@PathParam("number") String number, @QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("status") String status, @QueryParam("customer") String customer) {
        ExportFormat type = ExportFormat.of(format);
        recalls.requireRecall(number); // 404 before the download starts
        StreamingOutput body = out -> recalls.export(number, status, customer, type, out);
        return Response.ok(body, type.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + number.strip() + "."
                        + type.name().toLowerCase(java.util.Locale.ROOT) + "\"")
                .build();
    }

    @POST
    @Path("{number}/close")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK})
    @Operation(summary = "Close an open recall, with an optional note", description = "409 CONFLICT when it is closed already")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(ref = "RecallView")))
    public RecallView close(@PathParam("number") String number, Closing closing) {
        return recalls.close(number, closing == null ? null : closing.note());
    }
}
