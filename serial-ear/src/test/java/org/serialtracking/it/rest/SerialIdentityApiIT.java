package org.serialtracking.it.rest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Serials that look the same are the same serial, through the API (issue 11, item 3). */
@MicroShedTest
class SerialIdentityApiIT {

    String wh;
    String sku;
    String prefix;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
        sku = Api.trackedItem();
        prefix = Api.unique("U");
    }

    @Test
    void composedAndDecomposedAccentsAreOneSerial() {
        Api.post("RECEIPT", sku, wh, prefix + "-CAF\u00c9");
        receive(prefix + "-CAFE\u0301").then().statusCode(409)
                .body("code", equalTo("DUPLICATE_SERIAL")).body("serials", contains(prefix + "-CAF\u00c9"));
        receive(prefix + "-caf\u00e9").then().statusCode(409).body("code", equalTo("DUPLICATE_SERIAL"));
    }

    @Test
    void finalAndMedialSigmaAndCapitalSigmaAreOneSerial() {
        Api.post("RECEIPT", sku, wh, prefix + "-\u03a3\u03a3");
        receive(prefix + "-\u03c3\u03c2").then().statusCode(409).body("code", equalTo("DUPLICATE_SERIAL"));
    }

    @Test
    void aZeroWidthSpaceIsRefusedAndANoBreakSpaceIsTrimmed() {
        receive(prefix + "-1\u200b").then().statusCode(422)
                .body("code", equalTo("INVALID_SERIAL")).body("detail", containsString("U+200B"));
        receive(prefix + "-2\u00a0").then().statusCode(201).body("lines[0].serials", contains(prefix + "-2"));
        Api.as("viewer").get("/api/serials/" + prefix + "-2").then().statusCode(200)
                .body("serial", equalTo(prefix + "-2"));
        receive(prefix + "-2").then().statusCode(409).body("code", equalTo("DUPLICATE_SERIAL"));
    }

    private io.restassured.response.Response receive(String serial) {
        return Api.as("clerk").body(Api.doc("RECEIPT", sku, wh, 1, serial)).post("/api/transactions");
    }
}
