package org.serialtracking.serial.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.boundary.ExportFormat;
import org.serialtracking.serial.boundary.HistoryView;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.serial.boundary.SerialView;

import java.util.List;

@Path("serials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
@Tag(name = "Serials")
public class SerialResource {

    @Inject
    SerialQueryService serials;

    @GET
    @Operation(summary = "Serials, filtered and keyset-paged; pass `next` back as `after`")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SerialPage")))
    public Page<SerialView> list(@QueryParam("sku") String sku, @QueryParam("status") SerialStatus status,
                                 @QueryParam("location") String location, @QueryParam("q") String q,
                                 @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return serials.list(sku, status, location, q, limit, after);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Download the filtered serial list as CSV or XLSX (streamed)",
            description = "Values beginning with =, +, - or @ are neutralised against formula injection.")
    public Response export(@QueryParam("format") @DefaultValue("csv") String format, @QueryParam("sku") String sku,
                           @QueryParam("status") SerialStatus status, @QueryParam("location") String location) {
        ExportFormat type = ExportFormat.of(format);
        StreamingOutput body = out -> serials.export(type, sku, status, location, out);
        return Response.ok(body, type.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + type.fileName() + "\"")
                .build();
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "One serial (case-insensitive), 404 if unknown")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SerialView")))
    public SerialView get(@PathParam("serial") String serial) {
        return serials.get(serial);
    }

    @GET
    @Path("{serial}/history")
    @Operation(summary = "A serial's history, oldest first")
    public List<HistoryView> history(@PathParam("serial") String serial) {
        return serials.history(serial);
    }
}
