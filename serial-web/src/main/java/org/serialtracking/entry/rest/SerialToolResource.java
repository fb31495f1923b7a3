package org.serialtracking.entry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.LineBreaksAllowed;
import org.serialtracking.api.Roles;
import org.serialtracking.entry.boundary.QuickEntryText;
import org.serialtracking.entry.boundary.RangeList;
import org.serialtracking.entry.boundary.SerialEntryService;
import org.serialtracking.entry.boundary.SerialList;
import org.serialtracking.entry.control.ImportResult;
import org.serialtracking.entry.control.QuickEntryResult;
import org.serialtracking.entry.control.RangeRequest;

@Path("serial-tools")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CLERK})
@Tag(name = "Serial entry tools")
public class SerialToolResource {

    @Inject
    SerialEntryService entry;

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Read serials from an .xlsx, .csv or .txt file (multipart field `file`)",
            description = "First column of the first sheet; a header row is skipped; duplicates removed (counted); "
                    + "invalid values rejected with their row. Refused: unknown or mismatching type, legacy .xls, "
                    + "encrypted or corrupt workbooks, zip bombs, over 50 MB or 1,000,000 serials. With `sku` of an "
                    + "item that has a GTIN, GS1 barcode data is read: its serial (21), and its lot (10) and expiry (17) "
                    + "in `serialAttributes`; a barcode of another GTIN is a rejected row.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ImportResult")))
    public ImportResult importFile(@FormParam("file") EntityPart file, @QueryParam("sku") String sku) {
        return entry.importFile(file == null ? null : file.getFileName().orElse(file.getName()),
                file == null ? null : file.getContent(), sku);
    }

    @POST
    @Path("range")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a range: prefix, start, end (or count), padding, suffix; or first and count")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SerialList")))
    public SerialList range(@RequestBody(content = @Content(schema = @Schema(ref = "RangeRequest")))
                            RangeRequest request) {
        return entry.range(request);
    }

    @POST
    @Path("collapse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Collapse serials into consecutive ranges for display")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "RangeList")))
    public RangeList collapse(@RequestBody(content = @Content(schema = @Schema(ref = "SerialList")))
                              SerialList serials) {
        return entry.collapse(serials);
    }

    @POST
    @Path("parse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Parse typed or pasted serials; A..B expands a range",
            description = "With `sku` of an item that has a GTIN, entries that are GS1 barcode data (element strings with "
                    + "GS as FNC1 and an optional symbology identifier, the form with parentheses, Digital Link URIs) are "
                    + "read: the serial is AI (21), the lot (10) and expiry (17) come back in `serialAttributes`, the "
                    + "shape a document line takes them in. (01) must be the item's GTIN (422 GTIN_MISMATCH); malformed "
                    + "data is 422 INVALID_GS1 with the position and the reason.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(ref = "QuickEntryResult")))
    public QuickEntryResult parse(@RequestBody(content = @Content(schema = @Schema(ref = "QuickEntryText")))
                                  @LineBreaksAllowed QuickEntryText text) {
        return entry.parse(text);
    }
}
