package org.serialtracking.it.rest;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Genealogy and trace (issue 14): builds link the component serials they consume to the units they
 * make; a serial is traced backward (what it is made of, where each part came from) and forward
 * (what it went into, up to the unit a customer has).
 */
@MicroShedTest
class TraceApiIT {

    String wh;
    String supplier;
    String customer;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
        supplier = Api.party("suppliers", "Cells Inc");
        customer = Api.party("customers", "Grid Co");
    }

    static String untrackedItem() {
        String sku = Api.unique("SCREW");
        Api.as("admin").body(Api.json("sku", sku, "name", "Screw")).post("/api/items").then().statusCode(201);
        return sku;
    }

    @Test
    void aUnitIsTracedToItsPartsTheirSupplierAndItsMaterialsAndAPartToTheCustomerWhoHasIt() {
        String cell = Api.trackedItem();
        String pack = Api.trackedItem();
        String battery = Api.trackedItem();
        String screw = untrackedItem();
        String[] cells = Api.serials(3);
        String[] packs = Api.serials(2);
        String top = Api.unique("BAT");
        Api.as("clerk").body(Api.doc("RECEIPT", cell, wh, 3, cells).replaceFirst("\\{",
                "{\"supplier\":\"" + supplier + "\",")).post("/api/transactions").then().statusCode(201);
        Api.as("clerk").body("{\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"" + screw + "\",\"location\":\"" + wh
                + "\",\"quantity\":100}]}").post("/api/transactions").then().statusCode(201);

        // two packs of cells, the cells assigned (two into the first pack, one into the second), 8 screws
        Response packed = Api.build(Api.line(pack, wh, 2, "OUTPUT", Api.list(packs), null),
                Api.line(cell, wh, 3, "COMPONENT", Api.list(cells), "{\"" + cells[0] + "\":\"" + packs[0] + "\",\""
                        + cells[1] + "\":\"" + packs[0] + "\",\"" + cells[2] + "\":\"" + packs[1] + "\"}"),
                Api.line(screw, wh, 8, "COMPONENT", null, null));
        packed.then().statusCode(201);
        String packBuild = packed.jsonPath().getString("number");
        // a battery of the first pack, shipped to the customer
        Response assembled = Api.build(Api.line(battery, wh, 1, "OUTPUT", Api.list(top), null),
                Api.line(pack, wh, 1, "COMPONENT", Api.list(packs[0]), null));
        assembled.then().statusCode(201);
        Response shipped = Api.as("clerk").body(Api.doc("SHIPMENT", battery, wh, 1, top).replaceFirst("\\{",
                "{\"customer\":\"" + customer + "\",")).post("/api/transactions");
        shipped.then().statusCode(201);

        JsonPath back = Api.as("viewer").get("/api/serials/" + top + "/trace?direction=backward").then()
                .statusCode(200).body("direction", equalTo("backward")).body("units", equalTo(4))
                .body("truncated", equalTo(false)).extract().jsonPath();
        assertThat(back.getString("root.serial")).isEqualTo(top);
        assertThat(back.getString("root.customer")).isEqualTo(customer);
        assertThat(back.getString("root.lastDocument")).isEqualTo(shipped.jsonPath().getString("number"));
        assertThat(back.getString("root.builtBy")).isEqualTo(assembled.jsonPath().getString("number"));
        assertThat(back.getList("root.children.serial")).containsExactly(packs[0]);
        assertThat(back.getString("root.children[0].joinedBy")).isEqualTo(assembled.jsonPath().getString("number"));
        assertThat(back.getString("root.children[0].builtBy")).isEqualTo(packBuild);
        assertThat(back.getList("root.children[0].materials.sku")).containsExactly(screw);
        assertThat(back.getInt("root.children[0].materials[0].quantity")).isEqualTo(8);
        assertThat(back.getList("root.children[0].children.serial", String.class))
                .containsExactlyInAnyOrder(cells[0], cells[1]);
        List<Map<String, Object>> parts = back.getList("root.children[0].children");
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.get("supplier")).isEqualTo(supplier);
            assertThat(p.get("status")).isEqualTo("CONSUMED");
            assertThat(p.get("exact")).isEqualTo(true);
            assertThat(p.get("receivedOn")).isNotNull();
        });

        // forward from a cell: the pack it went into, then the battery the customer has
        JsonPath forward = Api.as("viewer").get("/api/serials/" + cells[1] + "/trace?direction=forward").then()
                .statusCode(200).extract().jsonPath();
        assertThat(forward.getList("root.children.serial")).containsExactly(packs[0]);
        assertThat(forward.getList("root.children[0].children.serial")).containsExactly(top);
        assertThat(forward.getString("root.children[0].children[0].customer")).isEqualTo(customer);
        assertThat(forward.getString("root.children[0].children[0].status")).isEqualTo("SHIPPED");
        // the third cell went into the second pack only, which is still in stock here
        Api.as("viewer").get("/api/serials/" + cells[2] + "/trace?direction=forward").then()
                .body("root.children.serial", equalTo(List.of(packs[1])))
                .body("root.children[0].location", equalTo(wh)).body("root.children[0].children", equalTo(List.of()));

        Api.as("viewer").get("/api/serials/" + top + "/trace?direction=sideways").then().statusCode(422);
        Api.as("viewer").get("/api/serials/" + Api.unique("NONE") + "/trace").then().statusCode(404);
    }

    @Test
    void withoutAnAssignmentSeveralOutputsAreEachLinkedNotExactlyAndACancelledBuildTakesItsLinks() {
        String part = Api.trackedItem();
        String unit = Api.trackedItem();
        String[] parts = Api.serials(1);
        String[] units = Api.serials(2);
        Api.post("RECEIPT", part, wh, parts);
        Response built = Api.build(Api.line(unit, wh, 2, "OUTPUT", Api.list(units), null),
                Api.line(part, wh, 1, "COMPONENT", Api.list(parts), null));
        built.then().statusCode(201);
        Api.as("viewer").get("/api/serials/" + parts[0] + "/trace?direction=forward").then()
                .body("root.children.serial", containsInAnyOrder(units[0], units[1]))
                .body("root.children.exact", equalTo(List.of(false, false)));

        Api.as("clerk").post("/api/transactions/" + built.jsonPath().getInt("id") + "/cancel").then().statusCode(200);
        Api.as("viewer").get("/api/serials/" + parts[0] + "/trace?direction=forward").then()
                .body("units", equalTo(1)).body("root.status", equalTo("IN_STOCK"))
                .body("root.children", equalTo(List.of()));
    }

    @Test
    void anAssignmentToASerialThatIsNoOutputOfTheDocumentIsRefusedNamingItAndNothingIsSaved() {
        String part = Api.trackedItem();
        String unit = Api.trackedItem();
        String[] parts = Api.serials(1);
        String[] units = Api.serials(1);
        String stranger = Api.unique("SN");
        Api.post("RECEIPT", part, wh, parts);
        Api.build(Api.line(unit, wh, 1, "OUTPUT", Api.list(units), null),
                Api.line(part, wh, 1, "COMPONENT", Api.list(parts), "{\"" + parts[0] + "\":\"" + stranger + "\"}"))
                .then().statusCode(422).body("code", equalTo("INVALID_ASSIGNMENT"))
                .body("serials", equalTo(List.of(stranger))).body("detail", containsString(stranger));
        Api.as("viewer").get("/api/serials/" + units[0]).then().statusCode(404);
        Api.as("viewer").get("/api/serials/" + parts[0]).then().body("status", equalTo("IN_STOCK"));
    }
}
