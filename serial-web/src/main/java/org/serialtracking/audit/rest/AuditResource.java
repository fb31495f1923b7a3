package org.serialtracking.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.audit.AuditEvent;
import org.serialtracking.audit.boundary.AuditLog;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "Saved changes since a moment (ISO-8601, e.g. 2026-11-25T10:00:00Z), with who made them")
    public Page<AuditEvent> since(@QueryParam("since") String since, @QueryParam("limit") Integer limit,
                                  @QueryParam("after") String after) {
        OffsetDateTime from;
        try {
            from = since == null || since.isBlank() ? null : OffsetDateTime.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid("since must be an ISO-8601 date-time with offset, e.g. 2026-11-25T10:00:00Z");
        }
        return audit.since(from, limit, after);
    }
}
