package org.serialtracking.it.rest;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Customers and suppliers (issue 14): created and searched through the API, named by receipts,
 * shipments and returns, and shown on the documents, the serials and their history.
 */
@MicroShedTest
class PartyApiIT {

    String wh;
    String sku;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
        sku = Api.trackedItem();
    }

    static String document(String type, String party, String code, String sku, String wh, String... serials) {
        String plain = Api.doc(type, sku, wh, serials.length, serials);
        return party == null ? plain : plain.replaceFirst("\\{", "{\"" + party + "\":\"" + code + "\",");
    }

    @Test
    void customersAndSuppliersAreCreatedOncePerCodeAndFoundByCodeOrName() {
        String name = Api.unique("Acme Pumps");
        String customer = Api.party("customers", name);
        Api.as("clerk").body(Api.json("code", customer, "name", "Again")).post("/api/customers").then()
                .statusCode(409).body("code", equalTo("ALREADY_EXISTS")).body("detail", containsString(customer));
        // a supplier may share a customer's code: codes are unique per kind
        Api.as("clerk").body(Api.json("code", customer, "name", "Its supplier side")).post("/api/suppliers").then()
                .statusCode(201);
        Api.as("viewer").body(Api.json("code", Api.unique("CUS"), "name", "x")).post("/api/customers").then()
                .statusCode(403);
        Api.as("clerk").body(Api.json("name", "no code")).post("/api/customers").then().statusCode(422)
                .body("code", equalTo("VALIDATION"));

        Api.as("viewer").get("/api/customers/" + customer).then().statusCode(200).body("name", equalTo(name));
        Api.as("viewer").get("/api/customers?q=" + Api.encode(name.substring(11).toLowerCase())).then()
                .statusCode(200).body("items.code", equalTo(List.of(customer)));
        Api.as("viewer").get("/api/suppliers/" + Api.unique("NONE")).then().statusCode(404);

        // keyset pages by code: three new customers sharing a word, two per page
        String word = Api.unique("Page");
        List<String> codes = List.of(Api.party("customers", word + " A"), Api.party("customers", word + " B"),
                Api.party("customers", word + " C")).stream().sorted().toList();
        Response first = Api.as("viewer").get("/api/customers?limit=2&q=" + Api.encode(word));
        first.then().statusCode(200);
        assertThat(first.jsonPath().getList("items.code", String.class)).isEqualTo(codes.subList(0, 2));
        Api.as("viewer").get("/api/customers?limit=2&q=" + Api.encode(word) + "&after="
                + first.jsonPath().getString("next")).then().body("items.code", equalTo(codes.subList(2, 3)))
                .body("next", nullValue());
    }

    @Test
    void documentsNameTheirPartyAndSerialsShowTheCustomerTheyWentTo() {
        String supplier = Api.party("suppliers", "Parts Inc");
        String customer = Api.party("customers", "Buyer Ltd");
        String[] sn = Api.serials(2);

        Response receipt = Api.as("clerk").body(document("RECEIPT", "supplier", supplier, sku, wh, sn))
                .post("/api/transactions");
        receipt.then().statusCode(201).body("supplier", equalTo(supplier)).body("customer", nullValue());
        Response shipment = Api.as("clerk").body(document("SHIPMENT", "customer", customer, sku, wh, sn[0]))
                .post("/api/transactions");
        shipment.then().statusCode(201).body("customer", equalTo(customer));
        String shipped = shipment.jsonPath().getString("number");

        Api.as("viewer").get("/api/transactions/" + receipt.jsonPath().getInt("id")).then()
                .body("supplier", equalTo(supplier));
        Api.as("viewer").get("/api/transactions?sku=" + sku).then()
                .body("items.party", equalTo(List.of(customer, supplier)));
        Api.as("viewer").get("/api/serials/" + sn[0]).then().body("status", equalTo("SHIPPED"))
                .body("lastDocument", equalTo(shipped)).body("customer", equalTo(customer));
        Api.as("viewer").get("/api/serials/" + sn[1]).then().body("status", equalTo("IN_STOCK"))
                .body("customer", nullValue());
        Api.as("viewer").get("/api/serials/" + sn[0] + "/history").then()
                .body("party", equalTo(List.of(supplier, customer)));

        // a return names the customer that sends it back
        Api.as("clerk").body(document("RESTOCK", "customer", customer, sku, wh, sn[0])).post("/api/transactions")
                .then().statusCode(201).body("customer", equalTo(customer));
        Api.as("viewer").get("/api/serials/" + sn[0]).then().body("status", equalTo("IN_STOCK"))
                .body("customer", nullValue());
    }

    @Test
    void anUnknownOrMisplacedPartyRefusesTheDocumentAndSavesNothing() {
        String since = java.time.OffsetDateTime.now().minusSeconds(2).toString();
        String customer = Api.party("customers", "Buyer Ltd");
        String unknown = Api.unique("SUP");
        String[] sn = Api.serials(1);

        Api.as("clerk").body(document("RECEIPT", "supplier", unknown, sku, wh, sn)).post("/api/transactions").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("UNKNOWN_PARTY"))
                .body("detail", containsString(unknown));
        // a customer's code is no supplier
        Api.as("clerk").body(document("RECEIPT", "supplier", customer, sku, wh, sn)).post("/api/transactions").then()
                .statusCode(422).body("code", equalTo("UNKNOWN_PARTY"));
        Api.as("clerk").body(document("RECEIPT", "customer", customer, sku, wh, sn)).post("/api/transactions").then()
                .statusCode(422).body("code", equalTo("VALIDATION"))
                .body("detail", containsString("customer is only for SHIPMENT and RESTOCK"));
        Api.as("viewer").get("/api/serials/" + sn[0]).then().statusCode(404);
        Api.as("viewer").get("/api/items/" + sku).then().body("onHand", equalTo(List.of()));

        // the same document with a party it may name posts
        Api.as("clerk").body(document("RECEIPT", null, null, sku, wh, sn)).post("/api/transactions").then()
                .statusCode(201);
        Api.as("clerk").body(document("SHIPMENT", "supplier", customer, sku, wh, sn)).post("/api/transactions")
                .then().statusCode(422).body("detail", containsString("supplier is only for RECEIPT"));
        assertThat(Api.auditSince(() -> Api.as("admin"), since)).anySatisfy(e -> assertThat(e)
                .containsEntry("subject", customer).containsEntry("action", "CUSTOMER_CREATED"));
    }
}
