package org.serialtracking.serial.rest;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.label.LabelPreset;
import org.serialtracking.label.LabelRequest;
import org.serialtracking.label.boundary.LabelService;
import org.serialtracking.serial.SerialFilter;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.boundary.ExportFormat;
import org.serialtracking.serial.HistoryView;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.serial.SerialView;
import org.serialtracking.trace.Trace;
import org.serialtracking.trace.boundary.TraceService;

import java.util.List;

@Path("serials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
@Tag(name = "Serials")
public class SerialResource {

    @Inject
    SerialQueryService serials;

    @Inject
    TraceService traces;

    @Inject
    LabelService labels;

    @GET
    @Operation(summary = "Serials, filtered and keyset-paged; pass `next` back as `after`",
            description = "`lot`: the lot exactly (GS1 AI 10); `expiresBy`: serials whose expiry (AI 17) is on or "
                    + "before that day (2027-12-31).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SerialPage")))
    public Page<SerialView> list(@QueryParam("sku") String sku, @QueryParam("status") SerialStatus status,
                                 @QueryParam("location") String location, @QueryParam("q") String q,
                                 @QueryParam("lot") String lot, @QueryParam("expiresBy") String expiresBy,
                                 @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return serials.list(new SerialFilter(sku, status, location, q, lot, Text.day("expiresBy", expiresBy)), false,
                limit, after);
    }

    @POST
    @Path("labels.pdf")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/pdf")
    @Operation(summary = "Labels of the serials named, in that order, as a PDF (streamed)",
            description = "Body `{\"serials\": [...], \"preset\": \"A4_3X8\"}` (at most 100,000 serials; presets as for a "
                    + "document's labels). Unknown serials are 422 UNKNOWN_SERIAL naming them; nothing is printed.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response labels(@RequestBody(content = @Content(schema = @Schema(ref = "LabelRequest"))) LabelRequest request) {
        if (request == null) {
            throw RuleViolation.invalid("a body with serials is required");
        }
        LabelPreset layout = LabelService.preset(request.preset());
        List<String> keys = labels.checkSerials(request.serials());
        StreamingOutput body = out -> labels.serialLabels(keys, layout, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"labels.pdf\"").build();
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Download the filtered serial list as CSV or XLSX (streamed): the same filters as the list, `q` included",
            description = "Values beginning with =, +, - or @ are neutralised against formula injection. A request "
                    + "that accepts neither text/csv nor the XLSX type is 406 NOT_ACCEPTABLE.")
    public Response export(@QueryParam("format") @DefaultValue("csv") String format, @QueryParam("sku") String sku,
                           @QueryParam("status") SerialStatus status, @QueryParam("location") String location,
                           @QueryParam("q") String q, @QueryParam("lot") String lot,
                           @QueryParam("expiresBy") String expiresBy) {
        ExportFormat type = ExportFormat.of(format);
        SerialFilter filter = new SerialFilter(sku, status, location, q, lot, Text.day("expiresBy", expiresBy));
        StreamingOutput body = out -> serials.export(type, filter, out);
        return Response.ok(body, type.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + type.fileName() + "\"")
                .build();
    }

    /**
     * A serial in the path: the names of the routes beside it ({@code export}, {@code lookup}) are
     * never taken for a serial, whatever the request accepts, so that those routes answer for
     * themselves (their file, or 406) instead of "Serial 'export' not found".
     */
    static final String SERIAL_IN_PATH = "{serial: (?!(?:export|lookup)(?:/|$))[^/]+}";

    static final String PATH_ROUTES = "For serials without `/`, `\\`, `%`, `?`, `#`, `;` or spaces: those "
            + "do not pass through a path everywhere (servers and proxies refuse an encoded `/` or `\\` with 400, "
            + "`;` starts a matrix parameter). Such serials, and one named `export` or `lookup`, are read through the "
            + "lookup routes.";

    static final String LOOKUP_ROUTES = "For any serial: the serial is a query parameter, so every character "
            + "passes once it is percent-encoded (`SN/001` is `?serial=SN%2F001`). Same answers and errors as the "
            + "path routes.";

    @GET
    @Path(SERIAL_IN_PATH)
    @Operation(summary = "One serial (case-insensitive), 404 if unknown", description = PATH_ROUTES)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SerialView")))
    @APIResponse(responseCode = "404", description = "Unknown serial (NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public SerialView get(@PathParam("serial") String serial) {
        return serials.get(serial);
    }

    @GET
    @Path(SERIAL_IN_PATH + "/trace")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "Trace a serial through the builds that joined units",
            description = "direction=backward (default): what it is made of, recursively, each part with the receipt "
                    + "and supplier it came with and each build with its untracked materials; direction=forward: every "
                    + "unit it went into up to the top, each with its state now (where it is, or the customer and "
                    + "shipment it left on). exact=false marks a link of a build that did not assign its components.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "Trace")))
    public Trace trace(@PathParam("serial") String serial, @QueryParam("direction") String direction) {
        return traces.trace(serial, direction);
    }

    @GET
    @Path(SERIAL_IN_PATH + "/history")
    @Operation(summary = "A serial's history, oldest first", description = PATH_ROUTES)
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown serial (NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public List<HistoryView> history(@PathParam("serial") String serial) {
        return serials.history(serial);
    }

    @GET
    @Path("lookup")
    @Operation(summary = "One serial by query parameter (case-insensitive), 404 if unknown",
            description = LOOKUP_ROUTES)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SerialView")))
    @APIResponse(responseCode = "404", description = "Unknown serial (NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "No serial or not a valid one (INVALID_SERIAL)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public SerialView lookup(@Parameter(description = "the serial, percent-encoded", required = true,
            example = "SN%2F001") @QueryParam("serial") String serial) {
        return serials.get(serial);
    }

    @GET
    @Path("lookup/history")
    @Operation(summary = "A serial's history by query parameter, oldest first", description = LOOKUP_ROUTES)
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown serial (NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "No serial or not a valid one (INVALID_SERIAL)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public List<HistoryView> lookupHistory(@Parameter(description = "the serial, percent-encoded", required = true,
            example = "SN%2F001") @QueryParam("serial") String serial) {
        return serials.history(serial);
    }
}
