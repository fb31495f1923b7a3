package org.serialtracking.it.rest;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests as one of the three users of the default configuration (password = user name). */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String user) {
        return RestAssured.given().auth().preemptive().basic(user, user);
    }

    static void enableTracking() {
        as("admin").contentType("application/json").body("{\"serialTracking\":true,\"autoSerialNumber\":false}")
                .put("/api/settings").then().statusCode(200);
    }
}
