package org.serialtracking.it.rest;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Serials with characters that a path cannot carry everywhere (/, \, %, ?, #, ;, spaces, non-ASCII)
 * are received through POST /api/transactions and read back through the lookup routes.
 */
@MicroShedTest
class SerialLookupApiIT {

    String wh;
    String sku;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
        sku = Api.trackedItem();
    }

    private List<String> oddSerials() {
        String u = Api.unique("L");
        return List.of(u + "SN/001", u + "A\\B", u + "50%", u + "Q?1", u + "H#1", u + "S;1", u + "SN 1",
                u + "Série-é", u + "a+b&c=d", u + "\"quoted\"", u + "%2F", u + "日本-1");
    }

    private String receipt(List<String> serials) {
        return "{\"type\":\"RECEIPT\",\"reference\":" + Api.str("lookup " + serials.get(0)) + ",\"lines\":[{\"sku\":"
                + Api.str(sku) + ",\"location\":" + Api.str(wh) + ",\"quantity\":" + serials.size() + ",\"serials\":["
                + serials.stream().map(Api::str).collect(Collectors.joining(",")) + "]}]}";
    }

    @Test
    void everySerialIsReadBackThroughTheLookupRoutes() {
        List<String> serials = oddSerials();
        Response posted = Api.as("clerk").body(receipt(serials)).post("/api/transactions");
        posted.then().statusCode(201).body("lines[0].serials", containsInAnyOrder(serials.toArray()));
        long id = posted.jsonPath().getLong("id");

        for (String serial : serials) {
            Api.raw("viewer").get("/api/serials/lookup?serial=" + Api.encode(serial)).then().statusCode(200)
                    .contentType(startsWith("application/json"))
                    .body("serial", equalTo(serial)).body("sku", equalTo(sku))
                    .body("status", equalTo("IN_STOCK")).body("location", equalTo(wh));
            Api.raw("viewer").get("/api/serials/lookup/history?serial=" + Api.encode(serial)).then().statusCode(200)
                    .body("type", contains("RECEIVE")).body("[0].transactionId", equalTo((int) id));
            if (serial.chars().allMatch(c -> c < 0x80)) {
                // case-insensitive, as the path routes are (the database folds ASCII case everywhere)
                Api.raw("viewer").get("/api/serials/lookup?serial=" + Api.encode(serial.toLowerCase())).then()
                        .statusCode(200).body("serial", equalTo(serial));
            }
        }
    }

    @Test
    void theLookupRoutesAnswerAsThePathRoutesDo() {
        String plain = Api.serials(1)[0];
        Api.post("RECEIPT", sku, wh, plain);
        String byPath = Api.as("viewer").get("/api/serials/" + plain).asString();
        String byLookup = Api.raw("viewer").get("/api/serials/lookup?serial=" + Api.encode(plain)).asString();
        assertThat(byLookup).isEqualTo(byPath);
        assertThat(Api.raw("viewer").get("/api/serials/lookup/history?serial=" + Api.encode(plain)).asString())
                .isEqualTo(Api.as("viewer").get("/api/serials/" + plain + "/history").asString());

        String unknown = Api.unique("NONE") + "/x";
        Api.raw("viewer").get("/api/serials/lookup?serial=" + Api.encode(unknown)).then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("NOT_FOUND"))
                .body("detail", equalTo("Serial '" + unknown + "' not found"));
        Api.raw("viewer").get("/api/serials/lookup/history?serial=" + Api.encode(unknown)).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Api.raw("viewer").get("/api/serials/lookup").then().statusCode(422).body("code", equalTo("INVALID_SERIAL"));
        Api.raw("viewer").get("/api/serials/lookup?serial=" + Api.encode("x".repeat(101))).then().statusCode(422)
                .body("code", equalTo("INVALID_SERIAL"));
        Api.raw("viewer").get("/api/serials/lookup?serial=bad%01serial").then().statusCode(422)
                .body("code", equalTo("INVALID_SERIAL")).body("serials", contains("bad\u0001serial"));
        io.restassured.RestAssured.given().get("/api/serials/lookup?serial=x").then().statusCode(401);
    }

    @Test
    void serialsWithoutReservedCharactersStillWorkInThePath() {
        String u = Api.unique("P");
        List<String> serials = List.of(u + "SN 1", u + "Série-é", u + "Q?1");
        Api.as("clerk").body(receipt(serials)).post("/api/transactions").then().statusCode(201);
        for (String serial : serials) {
            Api.raw("viewer").get("/api/serials/" + Api.encode(serial)).then().statusCode(200)
                    .body("serial", equalTo(serial));
        }
    }
}
