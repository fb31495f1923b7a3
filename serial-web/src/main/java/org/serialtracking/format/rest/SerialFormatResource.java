package org.serialtracking.format.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.format.boundary.AutoSerialService;
import org.serialtracking.format.boundary.FormatCheck;
import org.serialtracking.format.boundary.FormatReport;

@Path("serial-formats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
@Tag(name = "Auto serial numbers")
public class SerialFormatResource {

    @Inject
    AutoSerialService autoSerials;

    @POST
    @Path("validate")
    @Operation(summary = "Check an auto serial number format",
            description = "Valid: the first three serials it renders now and its warnings. Invalid: 422 "
                    + "INVALID_FORMAT naming the problem and its position.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "FormatReport")))
    @APIResponse(responseCode = "422", description = "Invalid format",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public FormatReport validate(@RequestBody(content = @Content(schema = @Schema(ref = "FormatCheck")))
                                 FormatCheck check) {
        return autoSerials.validate(check);
    }
}
