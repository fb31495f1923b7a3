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
