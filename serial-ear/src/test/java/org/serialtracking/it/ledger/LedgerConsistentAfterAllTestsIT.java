package org.serialtracking.it.ledger;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle of the whole suite: run by a failsafe execution of its own after every other
 * integration test (serial-ear/pom.xml), it checks that everything the tests wrote, refused and
 * cancelled, on both servers and through the database outage, left a ledger that agrees with itself.
 */
class LedgerConsistentAfterAllTestsIT {

    @Test
    void theLedgerAgreesWithItselfAfterTheWholeSuite() {
        Api.useServerUnderTest();
        Response r = Api.as("admin").get("/api/admin/consistency");
        r.then().statusCode(200);
        System.out.println("Ledger consistency check after the suite: " + r.asString());
        assertThat(r.jsonPath().getList("violations")).as(r.asString()).isEmpty();
        assertThat(r.jsonPath().getBoolean("consistent")).isTrue();
    }
}
