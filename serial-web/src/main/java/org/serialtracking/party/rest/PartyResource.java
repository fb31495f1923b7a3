package org.serialtracking.party.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.serialtracking.api.Roles;
import org.serialtracking.common.Page;
import org.serialtracking.party.PartyKind;
import org.serialtracking.party.PartyView;
import org.serialtracking.party.boundary.PartyService;

/**
 * Customers or suppliers, by the kind its subclass names. Admins and clerks create them (a clerk
 * receiving from a new supplier need not wait for an admin); everyone signed in reads them. The media
 * types are declared here, on the methods, where both JAX-RS and the OpenAPI scanner see them for
 * either kind.
 */
public abstract class PartyResource {

    @Inject
    PartyService parties;

    /** Which kind of party this resource serves. */
    abstract PartyKind kind();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.CLERK})
    @Operation(summary = "Create one", description = "409 ALREADY_EXISTS for a code in use")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "PartyView")))
    @APIResponse(responseCode = "422", description = "A rule is broken (problem details)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(@RequestBody(content = @Content(schema = @Schema(ref = "PartyView"))) PartyView party) {
        return Response.status(Response.Status.CREATED).entity(parties.create(kind(), party)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "Search by code or name (keyset-paged by code)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "PartyPage")))
    public Page<PartyView> search(@QueryParam("q") String q, @QueryParam("limit") Integer limit,
                                  @QueryParam("after") String after) {
        return parties.search(kind(), q, limit, after);
    }

    @GET
    @Path("{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "One, by code")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "PartyView")))
    public PartyView get(@PathParam("code") String code) {
        return parties.get(kind(), code);
    }
}
