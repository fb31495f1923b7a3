package org.serialtracking.it.rest;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@MicroShedTest
class SettingsApiIT {

    @Test
    void settingsNeedASignedInUser() {
        RestAssured.given().get("/api/settings").then().statusCode(401);
    }

    @Test
    void aViewerReadsButCannotChangeSettings() {
        Api.as("viewer").get("/api/settings").then().statusCode(200)
                .body("serialTracking", notNullValue());
        Api.as("viewer").contentType("application/json").body("{\"serialTracking\":true,\"autoSerialNumber\":false}")
                .put("/api/settings").then().statusCode(403);
    }

    @Test
    void turningTrackingOffWithoutConfirmationIs409() {
        Api.enableTracking();
        Api.as("admin").contentType("application/json").body("{\"serialTracking\":false,\"autoSerialNumber\":false}")
                .put("/api/settings").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("CONFIRMATION_REQUIRED"));
        Api.as("viewer").get("/api/settings").then().body("serialTracking", equalTo(true));
    }

    @Test
    void malformedJsonIs400() {
        Api.as("admin").contentType("application/json").body("{\"serialTracking\":")
                .put("/api/settings").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
