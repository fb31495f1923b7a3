package org.serialtracking.settings.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.settings.boundary.SettingsView;

@Path("settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settings")
public class SettingsResource {

    @Inject
    SettingsService settings;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "The platform settings")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SettingsView")))
    public SettingsView get() {
        return settings.get();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the platform settings",
            description = "Turning serialTracking off deletes all serial data and needs ?confirm=DELETE_SERIAL_DATA "
                    + "(409 CONFIRMATION_REQUIRED without it). A stale version is 409 CONFLICT.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SettingsView")))
    @APIResponse(responseCode = "422", description = "A rule is broken (problem details with code and serials)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public SettingsView put(@RequestBody(content = @Content(schema = @Schema(ref = "SettingsView"))) @NotNull SettingsView wanted, @QueryParam("confirm") String confirm) {
        return settings.update(wanted, confirm);
    }
}
