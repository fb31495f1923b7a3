package org.serialtracking.it.rest;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** POST /api/transactions with an Idempotency-Key: retries never post twice. */
@MicroShedTest
class IdempotencyApiIT {

    String wh;
    String sku;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
        sku = Api.trackedItem();
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstDocumentAndPostsNothing() {
        String key = Api.unique("K");
        String body = Api.doc("RECEIPT", sku, wh, 2, Api.serials(2));
        Response first = Api.as("clerk").header("Idempotency-Key", key).body(body).post("/api/transactions");
        first.then().statusCode(201);
        Api.as("clerk").header("Idempotency-Key", key).body(body).post("/api/transactions").then().statusCode(200)
                .body("id", equalTo(first.jsonPath().getInt("id")))
                .body("number", equalTo(first.jsonPath().getString("number")));
        Api.as("viewer").get("/api/items/" + sku).then().body("onHand[0].quantity", equalTo(2));

        Api.as("clerk").header("Idempotency-Key", key).body(Api.doc("RECEIPT", sku, wh, 1, Api.serials(1)))
                .post("/api/transactions").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.as("viewer").get("/api/items/" + sku).then().body("onHand[0].quantity", equalTo(2));
    }

    @Test
    void aRetryWrittenDifferentlyIsTheSameDocument() {
        String key = Api.unique("K");
        String[] sn = Api.serials(2);
        String first = "{\"type\":\"RECEIPT\",\"reference\":\"PO-7\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"location\":\"" + wh + "\",\"quantity\":2,\"serials\":[\"" + sn[0] + "\",\"" + sn[1] + "\"]}]}";
        // other key order, 2.0 for 2, white space inside and around values, an explicit null
        String retry = "{\n  \"lines\" : [ {\n    \"serials\" : [ \" " + sn[0] + "\" , \"" + sn[1] + "  \" ],\n"
                + "    \"quantity\" : 2.0 ,\n    \"toLocation\" : null,\n    \"location\" : \"" + wh + " \",\n"
                + "    \"sku\" : \"" + sku + "\"\n  } ],\n  \"reference\" : \" PO-7\",\n  \"type\" : \"RECEIPT\"\n}\n";
        Response posted = Api.as("clerk").header("Idempotency-Key", key).body(first).post("/api/transactions");
        posted.then().statusCode(201);
        Api.as("clerk").header("Idempotency-Key", key).body(retry).post("/api/transactions").then()
                .statusCode(200).contentType("application/json")
                .body("id", equalTo(posted.jsonPath().getInt("id")))
                .body("number", equalTo(posted.jsonPath().getString("number")));
        Api.as("viewer").get("/api/items/" + sku).then().body("onHand[0].quantity", equalTo(2));

        // a retry that differs in what it posts is still refused
        Api.as("clerk").header("Idempotency-Key", key).body(first.replace("PO-7", "PO-8")).post("/api/transactions")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aRefusedPostingLeavesItsKeyFreeForTheCorrectedRetry() {
        String key = Api.unique("K");
        String[] sn = Api.serials(2);
        Api.as("clerk").header("Idempotency-Key", key).body(Api.doc("RECEIPT", sku, wh, 2, sn[0]))
                .post("/api/transactions").then().statusCode(422).body("code", equalTo("SERIAL_COUNT_MISMATCH"));
        Api.as("clerk").header("Idempotency-Key", key).body(Api.doc("RECEIPT", sku, wh, 2, sn))
                .post("/api/transactions").then().statusCode(201);
    }

    @Test
    void concurrentRetriesWithOneKeyPostOnce() throws Exception {
        String key = Api.unique("K");
        String body = Api.doc("RECEIPT", sku, wh, 3, Api.serials(3));
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            calls.add(pool.submit(() -> {
                go.await(10, TimeUnit.SECONDS);
                return Api.as("clerk").header("Idempotency-Key", key).body(body).post("/api/transactions");
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (Future<Response> f : calls) {
            Response r = f.get(60, TimeUnit.SECONDS);
            statuses.add(r.statusCode());
            ids.add(r.jsonPath().getInt("id"));
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(ids).containsOnly(ids.get(0));
        Api.as("viewer").get("/api/items/" + sku).then().body("onHand[0].quantity", equalTo(3));
    }
}
