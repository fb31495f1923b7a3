package org.serialtracking.it.rest;

import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * PostgreSQL restarts under the running server: requests fail cleanly (503, nothing saved) during
 * the outage, readiness reports it, and everything works again afterwards without restarting the
 * server (the pool drops its dead connections). Stops and starts the machine's local cluster.
 */
@MicroShedTest
class DatabaseOutageIT {

    @Test
    void requestsFailCleanlyDuringAnOutageAndSucceedAfterIt() throws Exception {
        Api.enableTracking();
        String wh = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String[] sn = Api.serials(2);
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh, 1, sn[0])).post("/api/transactions").then().statusCode(201);

        cluster("stop", "-m", "fast");
        try {
            Api.as("clerk").body(Api.doc("RECEIPT", sku, wh, 1, sn[1])).post("/api/transactions").then()
                    .statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("code", equalTo("DATABASE_UNAVAILABLE"));
            Api.as("viewer").get("/api/items/" + sku).then().statusCode(503);
            io.restassured.RestAssured.given().basePath("/").get("/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"));
        } finally {
            cluster("start");
        }

        Api.as("viewer").get("/api/items/" + sku).then().statusCode(200).body("onHand[0].quantity", equalTo(1));
        Api.as("viewer").get("/api/serials/" + sn[1]).then().statusCode(404);
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh, 1, sn[1])).post("/api/transactions").then().statusCode(201);
        io.restassured.RestAssured.given().basePath("/").get("/health/ready").then().statusCode(200);
    }

    /** pg_ctlcluster on the local cluster (the one .ci/ensure-postgres starts). */
    private static void cluster(String action, String... options) throws IOException, InterruptedException {
        String[] versions = new File("/etc/postgresql").list();
        assertThat(versions).as("a local PostgreSQL cluster under /etc/postgresql").isNotEmpty();
        Arrays.sort(versions);
        List<String> command = new java.util.ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect",
                versions[versions.length - 1], "main", action));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pg_ctlcluster " + action + " finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as("pg_ctlcluster " + action + ": " + output).isZero();
    }
}
