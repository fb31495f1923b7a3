package org.serialtracking.it.screens;

import org.serialtracking.it.rest.Api;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the browser tests: they prepare and check data through the REST API (the same server)
 * and act through the screens.
 */
abstract class ScreenTest {

    @BeforeAll
    static void useTheServerUnderTest() {
        Api.useServerUnderTest();
    }
}
