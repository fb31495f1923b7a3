package org.serialtracking.site.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.site.boundary.CompanyView;
import org.serialtracking.site.boundary.SiteService;

import java.util.List;

@Path("companies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Companies and locations")
public class CompanyResource {

    @Inject
    SiteService sites;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a company", description = "409 ALREADY_EXISTS for a code in use")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "CompanyView")))
    @APIResponse(responseCode = "422", description = "A rule is broken (problem details with code and serials)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(@RequestBody(content = @Content(schema = @Schema(ref = "CompanyView"))) CompanyView company) {
        return Response.status(Response.Status.CREATED).entity(sites.createCompany(company)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "All companies")
    public List<CompanyView> list() {
        return sites.companies();
    }
}
