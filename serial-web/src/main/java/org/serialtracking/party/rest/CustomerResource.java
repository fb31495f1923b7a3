package org.serialtracking.party.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.party.PartyKind;

@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers and suppliers")
public class CustomerResource extends PartyResource {

    @Override
    PartyKind kind() {
        return PartyKind.CUSTOMER;
    }
}
