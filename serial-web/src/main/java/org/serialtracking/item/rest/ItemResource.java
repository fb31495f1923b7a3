package org.serialtracking.item.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.serialtracking.api.Roles;
import org.serialtracking.common.Page;
import org.serialtracking.format.boundary.AutoSerialService;
import org.serialtracking.item.boundary.ItemCommand;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.item.boundary.ItemView;
import org.serialtracking.item.boundary.SerialInitialization;
import org.serialtracking.serial.boundary.AutoSelect;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.serial.SerialView;

import java.util.List;

@Path("items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Items")
public class ItemResource {

    @Inject
    ItemService items;

    @Inject
    SerialQueryService serials;

    @Inject
    AutoSerialService autoSerials;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an item",
            description = "A tracked item with initialStock needs exactly initialStock.quantity serials.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "ItemView")))
    @APIResponse(responseCode = "422", description = "A rule is broken (problem details with code and serials)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(@RequestBody(content = @Content(schema = @Schema(ref = "ItemCommand"))) ItemCommand item) {
        return Response.status(Response.Status.CREATED).entity(items.create(item)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "Search items by SKU or name (keyset-paged by SKU)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ItemPage")))
    public Page<ItemView> search(@QueryParam("q") String q, @QueryParam("limit") Integer limit,
                                 @QueryParam("after") String after) {
        return items.search(q, limit, after);
    }

    @GET
    @Path("{sku}")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "An item with its serial status and on-hand per location")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ItemView")))
    public ItemView get(@PathParam("sku") String sku) {
        return items.get(sku);
    }

    @PUT
    @Path("{sku}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change an item",
            description = "Turning trackSerials on over existing stock makes the item NOT_INITIALIZED until its "
                    + "serials are loaded. A stale version is 409 CONFLICT.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ItemView")))
    @APIResponse(responseCode = "422", description = "A rule is broken (problem details with code and serials)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ItemView update(@PathParam("sku") String sku, @RequestBody(content = @Content(schema = @Schema(ref = "ItemCommand"))) ItemCommand item) {
        return items.update(sku, item);
    }

    @POST
    @Path("{sku}/serial-initialization")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK})
    @Operation(summary = "Load serials for the stock on hand at one location of a NOT_INITIALIZED item")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ItemView")))
    @APIResponse(responseCode = "422", description = "A rule is broken (problem details with code and serials)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ItemView initialize(@PathParam("sku") String sku, @RequestBody(content = @Content(schema = @Schema(ref = "SerialInitialization"))) SerialInitialization initialization) {
        return items.initializeSerials(sku, initialization);
    }

    @GET
    @Path("{sku}/available-serials")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "IN_STOCK serials of the item at a location (keyset-paged)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "SerialPage")))
    public Page<SerialView> available(@PathParam("sku") String sku, @QueryParam("location") String location,
                                      @QueryParam("q") String q, @QueryParam("limit") Integer limit,
                                      @QueryParam("after") String after) {
        return serials.available(sku, location, q, limit, after);
    }

    @GET
    @Path("{sku}/auto-serials/preview")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "The next serials this item would get now, without taking them")
    public List<String> preview(@PathParam("sku") String sku, @QueryParam("count") Integer count) {
        return autoSerials.preview(sku, count);
    }

    @POST
    @Path("{sku}/auto-select")
    @RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.VIEWER})
    @Operation(summary = "Pick serials to remove, oldest received first (FIFO)",
            description = "422 INSUFFICIENT_STOCK naming how many are available.")
    @APIResponse(responseCode = "422", description = "Not enough serials",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public List<String> autoSelect(@PathParam("sku") String sku,
                                   @RequestBody(content = @Content(schema = @Schema(ref = "AutoSelect")))
                                   AutoSelect request) {
        return serials.autoSelect(sku, request);
    }
}
