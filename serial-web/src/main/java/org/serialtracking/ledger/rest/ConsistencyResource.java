package org.serialtracking.ledger.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.ledger.boundary.ConsistencyCheck;
import org.serialtracking.ledger.boundary.ConsistencyReport;

@Path("admin/consistency")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin")
public class ConsistencyResource {

    @Inject
    ConsistencyCheck check;

    @GET
    @Operation(summary = "Check the whole ledger: every invariant, in one snapshot; `consistent` is true when "
            + "no violation is found (each rule lists at most 100)")
    public ConsistencyReport check() {
        return check.run();
    }
}
