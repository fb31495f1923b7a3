package org.serialtracking.it.rest;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Headers every response carries, and the request size limit. */
@MicroShedTest
class SecurityApiIT {

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (var response : new io.restassured.response.Response[]{
                Api.as("viewer").get("/api/settings"),
                RestAssured.given().get("/api/settings"),
                RestAssured.given().get("/")}) {
            response.then()
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
        Api.as("viewer").get("/api/settings").then().header("Cache-Control", containsString("no-store"));
    }

    @Test
    void theApiIsServedOverHttpsToo() {
        RestAssured.given().relaxedHTTPSValidation().auth().preemptive().basic("viewer", "viewer")
                .baseUri("https://localhost").port(Integer.getInteger("it.https.port", 9443))
                .get("/api/settings").then().statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsParsed() {
        StringBuilder huge = new StringBuilder(65 * 1024 * 1024 + 64);
        huge.append("{\"type\":\"RECEIPT\",\"reference\":\"");
        huge.append("x".repeat(65 * 1024 * 1024));
        huge.append("\",\"lines\":[]}");
        Api.as("clerk").body(huge.toString()).post("/api/transactions").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("REQUEST_TOO_LARGE"));
    }
}
