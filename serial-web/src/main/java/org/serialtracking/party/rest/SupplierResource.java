package org.serialtracking.party.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.party.PartyKind;

@Path("suppliers")
@RequestScoped
@Tag(name = "Customers and suppliers")
public class SupplierResource extends PartyResource {

    @Override
    PartyKind kind() {
        return PartyKind.SUPPLIER;
    }
}
