package org.serialtracking.it.rest;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two Liberty servers on one database (serial-it and serial-peer, started by the build): clients
 * racing at both never create a duplicate, never lose or double-count a unit; and a server killed
 * (kill -9) in the middle of a 100,000-serial receipt leaves no trace of it.
 */
@MicroShedTest
class TwoServersIT {

    static final int SECOND_PORT = Integer.getInteger("it2.http.port", 9081);

    String wh;
    String sku;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
        sku = Api.trackedItem();
    }

    @Test
    void racingClientsOnTwoServersCreateAndShipEachSerialOnce() throws Exception {
        String serial = Api.serials(1)[0];
        Map<String, Long> receipts = race(8, i -> outcome(at(i, "clerk").body(Api.doc("RECEIPT", sku, wh, 1,
                i % 4 == 0 ? serial : serial.toLowerCase())).post("/api/transactions")));
        assertThat(receipts).isEqualTo(Map.of("201", 1L, "409 DUPLICATE_SERIAL", 7L));

        Map<String, Long> shipments = race(8, i -> outcome(at(i, "clerk").body(Api.doc("SHIPMENT", sku, wh, 1,
                serial)).post("/api/transactions")));
        assertThat(shipments).isEqualTo(Map.of("201", 1L, "422 SERIAL_NOT_AVAILABLE", 7L));
        Api.as("viewer").get("/api/serials/" + serial + "/history").then().body("type", org.hamcrest.Matchers
                .contains("RECEIVE", "SHIP"));
    }

    @Test
    void autoSerialsIssuedOnTwoServersAreUniqueAndStockMatchesSerials() throws Exception {
        Api.as("admin").body("{\"serialTracking\":true,\"autoSerialNumber\":true}").put("/api/settings")
                .then().statusCode(200);
        String auto = Api.unique("AUTO");
        String prefix = Api.unique("TS");
        Api.as("admin").body(Api.json("sku", auto, "name", "Auto", "trackSerials", true, "autoSerialNumber", true,
                "autoSerialFormat", prefix + "-[[DATE]]-[[INCNUM,DAILY,5]]")).post("/api/items").then().statusCode(201);
        Set<String> issued = java.util.Collections.synchronizedSet(new HashSet<>());
        List<Integer> counts = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> outcomes = race(8, i -> {
            String outcome = "none";
            for (int n = 0; n < 5; n++) {
                var r = at(i, "clerk").body("{\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"" + auto + "\",\"location\":\""
                        + wh + "\",\"quantity\":4}]}").post("/api/transactions");
                outcome = outcome(r);
                if (r.statusCode() != 201) {
                    return outcome;
                }
                List<String> serials = r.jsonPath().getList("lines[0].serials");
                counts.add(serials.size());
                issued.addAll(serials);
            }
            return outcome;
        });
        assertThat(outcomes).isEqualTo(Map.of("201", 8L));
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(8 * 5 * 4);
        assertThat(issued).hasSize(total);
        Api.as("viewer").get("/api/items/" + auto).then().body("onHand[0].quantity", equalTo(total));
        assertThat(countInStock(auto)).isEqualTo(total);
    }

    @Test
    void aServerKilledInTheMiddleOfABigReceiptLeavesNoTraceOfIt() throws Exception {
        String prefix = Api.unique("KILL");
        StringBuilder body = new StringBuilder("{\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"location\":\"" + wh + "\",\"quantity\":100000,\"serials\":[");
        for (int i = 1; i <= 100_000; i++) {
            body.append(i == 1 ? "" : ",").append('"').append(prefix).append('-').append(i).append('"');
        }
        body.append("]}]}");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> posting = pool.submit(() -> {
            try {
                return second("clerk").body(body.toString()).post("/api/transactions").statusCode();
            } catch (Exception e) {
                return -1;
            }
        });
        assertThat(waitForInsertInProgress()).as("the receipt reached the database").isTrue();
        long pid = Long.parseLong(Files.readString(Path.of(System.getProperty("it.wlp.dir"),
                "usr/servers/.pid/serial-peer.pid")).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly)).contains(true);
        assertThat(posting.get(60, TimeUnit.SECONDS)).isNotEqualTo(201);
        pool.shutdown();

        Api.as("viewer").get("/api/serials/" + prefix + "-1").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as("viewer").get("/api/serials/" + prefix + "-100000").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Api.as("viewer").get("/api/items/" + sku).then().body("onHand.size()", equalTo(0));
        Api.as("viewer").queryParam("q", prefix).get("/api/serials").then().body("items.size()", equalTo(0));

        restartSecondServer();
        second("viewer").get("/api/items/" + sku).then().statusCode(200).body("onHand.size()", equalTo(0));
        second("clerk").body(Api.doc("RECEIPT", sku, wh, 1, prefix + "-1")).post("/api/transactions").then()
                .statusCode(201);
    }

    private static RequestSpecification at(int client, String user) {
        return client % 2 == 0 ? Api.as(user) : second(user);
    }

    private static RequestSpecification second(String user) {
        return RestAssured.given().baseUri("http://localhost").port(SECOND_PORT).basePath("/serial")
                .auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    /** The status, with the problem code when it is a refusal: "201", "409 DUPLICATE_SERIAL". */
    private static String outcome(io.restassured.response.Response r) {
        return r.statusCode() < 400 ? String.valueOf(r.statusCode())
                : r.statusCode() + " " + r.jsonPath().getString("code");
    }

    private static Map<String, Long> race(int clients, java.util.function.IntFunction<String> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Callable<String> task = () -> {
                go.await(10, TimeUnit.SECONDS);
                return call.apply(client);
            };
            results.add(pool.submit(task));
        }
        go.countDown();
        List<String> statuses = new ArrayList<>();
        for (Future<String> f : results) {
            statuses.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    private static int countInStock(String sku) {
        int count = 0;
        String after = "";
        for (int page = 0; page < 100 && after != null; page++) {
            var json = Api.as("viewer").queryParam("sku", sku).queryParam("status", "IN_STOCK")
                    .queryParam("limit", 1000).queryParam("after", after).get("/api/serials").jsonPath();
            count += json.getList("items").size();
            after = json.getString("next");
        }
        return count;
    }

    /** True once an insert of serials runs in PostgreSQL (the receipt is mid-transaction). */
    private static boolean waitForInsertInProgress() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            for (int i = 0; i < 600; i++) {
                // the posting writes serials and their history in one statement (with s as (insert ...))
                try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where state = 'active' "
                        + "and pid <> pg_backend_pid() and query like '%insert into serial%'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return true;
                    }
                }
                Thread.sleep(20);
            }
            return false;
        }
    }

    private static void restartSecondServer() throws Exception {
        Path server = Path.of(System.getProperty("it.wlp.dir"), "bin", "server");
        Process p = new ProcessBuilder(server.toString(), "start", "serial-peer").redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 120; i++) {
            try {
                if (RestAssured.given().baseUri("http://localhost").port(SECOND_PORT).basePath("/")
                        .get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // connection refused while the server starts
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("serial-peer did not become ready after the restart");
    }
}
