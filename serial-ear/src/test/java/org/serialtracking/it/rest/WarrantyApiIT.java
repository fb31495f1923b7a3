package org.serialtracking.it.rest;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Warranty and returns (issue 14): an item's units are under warranty from their first shipment for
 * its warranty days; a return naming a customer takes back only units shipped to that customer.
 */
@MicroShedTest
class WarrantyApiIT {

    String wh;
    String buyer;
    String other;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
        buyer = Api.party("customers", "Buyer");
        other = Api.party("customers", "Someone else");
    }

    static String withCustomer(String document, String customer) {
        return document.replaceFirst("\\{", "{\"customer\":\"" + customer + "\",");
    }

    @Test
    void aUnitsWarrantyStartsAtItsFirstShipmentAndLastsItsItemsDays() {
        String sku = Api.unique("SKU");
        Api.as("admin").body("{\"sku\":\"" + sku + "\",\"name\":\"Inverter\",\"trackSerials\":true,"
                + "\"warrantyDays\":365}").post("/api/items").then().statusCode(201).body("warrantyDays", equalTo(365));
        String[] sn = Api.serials(1);
        Api.post("RECEIPT", sku, wh, sn);
        Api.as("viewer").get("/api/serials/" + sn[0]).then().body("warranty.status", equalTo("NOT_STARTED"))
                .body("warranty.start", nullValue());

        Api.as("clerk").body(withCustomer(Api.doc("SHIPMENT", sku, wh, 1, sn), buyer)).post("/api/transactions")
                .then().statusCode(201);
        JsonPath w = Api.as("viewer").get("/api/serials/" + sn[0]).then().body("warranty.status", equalTo("ACTIVE"))
                .extract().jsonPath();
        OffsetDateTime start = OffsetDateTime.parse(w.getString("warranty.start"));
        assertThat(Duration.between(start, OffsetDateTime.now()).abs()).isLessThan(Duration.ofMinutes(5));
        assertThat(OffsetDateTime.parse(w.getString("warranty.end"))).isEqualTo(start.plusDays(365));
        // lists stay lean: the warranty is on the one serial read alone
        Api.as("viewer").get("/api/serials?sku=" + sku).then().body("items[0].warranty", nullValue());

        // it comes back under warranty: the return says so per serial, with its RMA and reason
        String returned = "{\"type\":\"RESTOCK\",\"customer\":\"" + buyer + "\",\"rma\":\"RMA-77\",\"lines\":[{"
                + "\"sku\":\"" + sku + "\",\"location\":\"" + wh + "\",\"quantity\":1,\"serials\":[\"" + sn[0]
                + "\"],\"reason\":\"Dead on arrival\"}]}";
        io.restassured.response.Response back = Api.as("clerk").body(returned).post("/api/transactions");
        back.then().statusCode(201).body("rma", equalTo("RMA-77")).body("lines[0].reason", equalTo("Dead on arrival"))
                .body("lines[0].returnedInWarranty", equalTo(List.of(sn[0])));
        Api.as("viewer").get("/api/transactions/" + back.jsonPath().getInt("id")).then()
                .body("lines[0].returnedInWarranty", equalTo(List.of(sn[0])));
        // a reason or an RMA belongs to a return only
        Api.as("clerk").body(returned.replace("RESTOCK", "SHIPMENT").replace(",\"rma\":\"RMA-77\"", ""))
                .post("/api/transactions").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("reason is only for RESTOCK lines"));

        // a change of the item's days is audited and seen at once; 0 removes the warranty
        Api.as("admin").body("{\"warrantyDays\":0}").put("/api/items/" + sku).then().statusCode(200)
                .body("warrantyDays", nullValue());
        Api.as("viewer").get("/api/serials/" + sn[0]).then().body("warranty", nullValue());
        Api.as("admin").body("{\"warrantyDays\":-1}").put("/api/items/" + sku).then().statusCode(422)
                .body("code", equalTo("VALIDATION"));
    }

    @Test
    void aReturnNamingACustomerTakesBackOnlyUnitsShippedToThatCustomer() {
        String sku = Api.trackedItem();
        String[] sn = Api.serials(2);
        Api.post("RECEIPT", sku, wh, sn);
        Api.as("clerk").body(withCustomer(Api.doc("SHIPMENT", sku, wh, 2, sn), buyer)).post("/api/transactions")
                .then().statusCode(201);

        Api.as("clerk").body(withCustomer(Api.doc("RESTOCK", sku, wh, 2, sn), other)).post("/api/transactions")
                .then().statusCode(422).body("code", equalTo("RETURNED_BY_OTHER_CUSTOMER"))
                .body("serials", equalTo(List.of(sn[0], sn[1])));
        Api.as("viewer").get("/api/serials/" + sn[0]).then().body("status", equalTo("SHIPPED"));

        Api.as("clerk").body(withCustomer(Api.doc("RESTOCK", sku, wh, 1, sn[0]), buyer)).post("/api/transactions")
                .then().statusCode(201);
        // a return that names no customer is not asked who sends it
        Api.as("clerk").body(Api.doc("RESTOCK", sku, wh, 1, sn[1])).post("/api/transactions").then().statusCode(201);
    }
}
