package org.serialtracking.it.screens;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the browser tests: they prepare and check data through the REST API (the same server)
 * and act through the screens.
 */
abstract class ScreenTest {

    @BeforeAll
    static void useTheServerUnderTest() {
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = Integer.parseInt(System.getProperty("microshed_http_port", "9080"));
        RestAssured.basePath = "/serial";
    }
}
