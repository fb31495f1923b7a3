package org.serialtracking.it.rest;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** The HTTP contract of documents and serials, against the server the build started. */
@MicroShedTest
class TransactionApiIT {

    String wh1;
    String wh2;
    String sku;

    @BeforeEach
    void world() {
        Api.enableTracking();
        String[] wh = Api.twoLocations();
        wh1 = wh[0];
        wh2 = wh[1];
        sku = Api.trackedItem();
    }

    @Test
    void aReceiptIsCreatedWithNumberAndSerialsAndCanBeReadBack() {
        String[] sn = Api.serials(2);
        Response r = Api.as("clerk").body(Api.doc("RECEIPT", sku, wh1, 2, sn)).post("/api/transactions");
        r.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/transactions/\\d+"))
                .body("number", matchesPattern("RCV-\\d{6}"))
                .body("postedBy", equalTo("clerk"))
                .body("lines[0].serials", contains(sn[0], sn[1]));
        long id = r.jsonPath().getLong("id");

        Api.as("viewer").get("/api/transactions/" + id).then().statusCode(200)
                .body("type", equalTo("RECEIPT"))
                .body("lines[0].quantity", equalTo(2))
                .body("lines[0].serials", contains(sn[0], sn[1]));
        Api.as("viewer").get("/api/serials/" + sn[0].toLowerCase()).then().statusCode(200)
                .body("serial", equalTo(sn[0])).body("status", equalTo("IN_STOCK")).body("location", equalTo(wh1));
        Api.as("viewer").get("/api/serials/" + sn[0] + "/history").then().statusCode(200)
                .body("[0].type", equalTo("RECEIVE"))
                .body("[0].transactionId", equalTo((int) id))
                .body("[0].quantity", equalTo(1))
                .body("[0].location", equalTo(wh1));
        Api.as("viewer").get("/api/items/" + sku).then()
                .body("serialStatus", equalTo("TRACKED"))
                .body("onHand[0].quantity", equalTo(2));
        Api.as("viewer").get("/api/transactions?sku=" + sku).then().statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    @Test
    void ruleViolationsAreProblemDetailsThatNameTheSerials() {
        String[] sn = Api.serials(3);
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh1, 3, sn[0], sn[1])).post("/api/transactions").then()
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("SERIAL_COUNT_MISMATCH"))
                .body("status", equalTo(422))
                .body("detail", org.hamcrest.Matchers.containsString("quantity 3 needs 3 serial(s), 2 given"));

        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh1, 1, sn[0])).post("/api/transactions").then().statusCode(201);
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh2, 2, sn[1], sn[0].toLowerCase())).post("/api/transactions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("DUPLICATE_SERIAL"))
                .body("serials", contains(sn[0].toLowerCase()));
        Api.as("viewer").get("/api/serials/" + sn[1]).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));

        Api.as("clerk").body(Api.doc("SHIPMENT", sku, wh2, 1, sn[0])).post("/api/transactions").then()
                .statusCode(422).body("code", equalTo("SERIAL_NOT_AVAILABLE")).body("serials", contains(sn[0]));
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh1, 1, "bad\\u0001serial")).post("/api/transactions").then()
                .statusCode(422).body("code", equalTo("INVALID_SERIAL"));
        Api.as("clerk").body(Api.doc("RECEIPT", "NO-SUCH-" + sku, wh1, 1, sn[2])).post("/api/transactions").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as("clerk").body("{\"type\":\"RECEIPT\",\"lines\":[{").post("/api/transactions").then()
                .statusCode(400).contentType("application/problem+json");
        Api.as("clerk").body("{\"type\":\"TELEPORT\",\"lines\":[]}").post("/api/transactions").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aDocumentIsCancelledByAClerkAndNotTwice() {
        String[] sn = Api.serials(1);
        long id = Api.as("clerk").body(Api.doc("RECEIPT", sku, wh1, 1, sn)).post("/api/transactions").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        Api.as("viewer").post("/api/transactions/" + id + "/cancel").then().statusCode(403);
        Api.as("clerk").post("/api/transactions/" + id + "/cancel").then().statusCode(200)
                .body("cancelledBy", equalTo("clerk"))
                .body("cancelledAt", org.hamcrest.Matchers.notNullValue());
        Api.as("clerk").post("/api/transactions/" + id + "/cancel").then().statusCode(422)
                .contentType("application/problem+json");
        Api.as("viewer").get("/api/serials/" + sn[0]).then().statusCode(404);
        Api.as("clerk").post("/api/transactions/99999999/cancel").then().statusCode(404);
    }

    @Test
    void rolesAreEnforced() {
        String[] sn = Api.serials(1);
        Api.as("viewer").body(Api.doc("RECEIPT", sku, wh1, 1, sn)).post("/api/transactions").then().statusCode(403);
        Api.as("clerk").body(Api.json("sku", Api.unique("SKU"), "name", "x")).post("/api/items").then()
                .statusCode(403);
        Api.as("clerk").body(Api.json("name", "renamed")).put("/api/items/" + sku).then().statusCode(403);
        Api.as("clerk").body(Api.json("code", Api.unique("CO"), "name", "x")).post("/api/companies").then()
                .statusCode(403);
        io.restassured.RestAssured.given().get("/api/serials").then().statusCode(401);
        Api.as("nobody").get("/api/serials").then().statusCode(401);
        Api.as("viewer").get("/api/serials/UNKNOWN-" + sn[0]).then().statusCode(404);
        Api.as("viewer").get("/api/serials/" + sn[0]).then().statusCode(404);
    }

    @Test
    void serialListsPageByKeyset() {
        String[] sn = Api.serials(5);
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh1, 5, sn)).post("/api/transactions").then().statusCode(201);

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Response page = Api.as("viewer").queryParam("sku", sku).queryParam("status", "IN_STOCK")
                    .queryParam("limit", 2).queryParam("after", after == null ? "" : after).get("/api/serials");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.serial"));
            after = page.jsonPath().getString("next");
            pages++;
        } while (after != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(sn);

        Api.as("viewer").queryParam("location", wh1).queryParam("q", sn[3].substring(sn[3].length() - 5).toLowerCase())
                .get("/api/items/" + sku + "/available-serials").then().statusCode(200)
                .body("items.serial", contains(sn[3])).body("next", nullValue());
    }

    @Test
    void parallelClientsShippingOneSerialThroughTheApiShipItOnce() throws Exception {
        String[] sn = Api.serials(2);
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh1, 2, sn)).post("/api/transactions").then().statusCode(201);
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String variant = i % 2 == 0 ? sn[0] : sn[0].toLowerCase();
            calls.add(pool.submit(() -> {
                go.await(10, TimeUnit.SECONDS);
                return Api.as("clerk").body(Api.doc("SHIPMENT", sku, wh1, 1, variant)).post("/api/transactions")
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : calls) {
            statuses.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())))
                .isEqualTo(Map.of(201, 1L, 422, (long) clients - 1));
        Api.as("viewer").get("/api/items/" + sku).then().body("onHand[0].quantity", equalTo(1));
        Api.as("viewer").get("/api/serials/" + sn[0] + "/history").then().body("type", contains("RECEIVE", "SHIP"));
    }

    @Test
    void errorResponsesNeverLeakInternals() {
        List<Response> errors = List.of(
                Api.as("clerk").body("{\"type\":").post("/api/transactions"),
                Api.as("clerk").body("[1,2]").post("/api/transactions"),
                Api.as("viewer").get("/api/transactions/999999999"),
                Api.as("viewer").get("/api/transactions/not-a-number"),
                Api.as("viewer").queryParam("limit", 5000).get("/api/serials"),
                Api.as("viewer").queryParam("after", "%%%").get("/api/serials"),
                Api.as("viewer").get("/api/no-such-resource"));
        for (Response r : errors) {
            assertThat(r.statusCode()).isBetween(400, 499);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.asString()).doesNotContain("Exception", "at org.", "at java.", "SQL", "org.serialtracking",
                    "jakarta.");
        }
    }

    @Test
    void theApiIsDescribedAndHealthIncludesTheDatabase() {
        io.restassured.RestAssured.given().basePath("/").get("/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/api/transactions"));
        io.restassured.RestAssured.given().basePath("/").get("/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.name", hasItem("database"));
        io.restassured.RestAssured.given().basePath("/").get("/serial/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Serial Tracking"));
        Api.as("viewer").get("/api/settings").then().header("Content-Type", endsWith("json"));
    }
}
