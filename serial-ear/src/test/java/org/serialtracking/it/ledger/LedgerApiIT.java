package org.serialtracking.it.ledger;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.serialtracking.it.database.Db;
import org.serialtracking.it.rest.Api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 11's on-hand hole, through the API, and the consistency check that would have seen it.
 */
@MicroShedTest
class LedgerApiIT {

    String wh1;
    String sku;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh1 = Api.twoLocations()[0];
        sku = Api.trackedItem();
    }

    @Test
    void theSequenceThatOnceLeftASerialInStockWithoutOnHandIsRefusedAndTheLedgerStaysTrue() {
        String[] sn = Api.serials(1);
        Api.post("RECEIPT", sku, wh1, sn);
        long shipment = Api.as("clerk").body(Api.doc("SHIPMENT", sku, wh1, 1, sn)).post("/api/transactions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        tracking(false).then().statusCode(200).body("serialStatus", equalTo("UNTRACKED"));

        Api.as("clerk").post("/api/transactions/" + shipment + "/cancel").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("TRACKING_CHANGED")).body("detail", containsString(sku));
        Api.as("viewer").get("/api/serials/" + sn[0]).then().statusCode(200).body("status", equalTo("SHIPPED"));

        // step 4: nothing is on hand to ship, and tracking comes back cleanly
        Api.as("clerk").body(Api.doc("SHIPMENT", sku, wh1, 1)).post("/api/transactions").then().statusCode(422)
                .body("code", equalTo("INSUFFICIENT_STOCK"));
        tracking(true).then().statusCode(200).body("serialStatus", equalTo("TRACKED"));
        Api.post("RECEIPT", sku, wh1, Api.serials(1));
        assertConsistent();
    }

    @Test
    void theVariantWithStockWithoutSerialsBeforeTrackingReturns() {
        String[] sn = Api.serials(1);
        Api.post("RECEIPT", sku, wh1, sn);
        long shipment = Api.as("clerk").body(Api.doc("SHIPMENT", sku, wh1, 1, sn)).post("/api/transactions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        tracking(false).then().statusCode(200);
        long untrackedReceipt = Api.as("clerk").body(Api.doc("RECEIPT", sku, wh1, 3)).post("/api/transactions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        tracking(true).then().statusCode(200).body("serialStatus", equalTo("NOT_INITIALIZED"));

        for (long id : List.of(shipment, untrackedReceipt)) {
            Response r = Api.as("clerk").post("/api/transactions/" + id + "/cancel");
            r.then().statusCode(422).contentType("application/problem+json");
            assertThat(r.jsonPath().getString("code")).isIn("TRACKING_CHANGED", "TRACKING_NOT_INITIALIZED");
        }
        assertConsistent();
    }

    @Test
    void theCheckNamesAnInconsistencyPlantedBehindTheGuardsBack() throws SQLException {
        String[] sn = Api.serials(2);
        Api.post("RECEIPT", sku, wh1, sn);
        String stockRow = "update stock set quantity = quantity + %d where item_id = (select id from item where sku = '"
                + sku + "') and location_id = (select id from location where code = '" + wh1 + "')";
        try (Connection c = Db.connect()) {
            // replica mode skips the triggers: what a faulty migration or a restore could leave behind
            execute(c, "set session_replication_role = replica");
            execute(c, String.format(stockRow, 1));
        }
        try {
            Response r = Api.as("admin").get("/api/admin/consistency");
            r.then().statusCode(200).body("consistent", equalTo(false));
            List<Map<String, String>> violations = r.jsonPath().getList("violations");
            assertThat(violations).anySatisfy(v -> {
                assertThat(v.get("rule")).isEqualTo("stock_matches_serials");
                assertThat(v.get("subject")).isEqualTo(sku + " at " + wh1);
                assertThat(v.get("detail")).isEqualTo("on-hand 3, serials in stock 2");
            });
        } finally {
            try (Connection c = Db.connect()) {
                execute(c, "set session_replication_role = replica");
                execute(c, String.format(stockRow, -1));
            }
        }
        assertConsistent();
    }

    @Test
    void theCheckNamesASuspectOfARecallThatDoesNotExist() throws SQLException {
        String[] sn = Api.serials(1);
        Api.post("RECEIPT", sku, wh1, sn);
        String suspect = "recall_suspect where recall_id = -17 and serial_id = (select id from serial where serial = '"
                + sn[0] + "')";
        try (Connection c = Db.connect()) {
            // behind the guards' back (V23's triggers skipped), as a faulty restore could leave it
            execute(c, "set session_replication_role = replica");
            execute(c, "insert into recall_suspect (recall_id, serial_id, source) select -17, id, 'SERIAL' from serial "
                    + "where serial = '" + sn[0] + "'");
        }
        try {
            Response r = Api.as("admin").get("/api/admin/consistency");
            r.then().statusCode(200).body("consistent", equalTo(false));
            List<Map<String, String>> violations = r.jsonPath().getList("violations");
            assertThat(violations).anySatisfy(v -> {
                assertThat(v.get("rule")).isEqualTo("recall_suspects_reference_what_exists");
                assertThat(v.get("detail")).isEqualTo("no such recall");
            });
        } finally {
            try (Connection c = Db.connect()) {
                execute(c, "delete from " + suspect);
            }
        }
        assertConsistent();
    }

    @Test
    void onlyAnAdministratorChecksTheLedger() {
        Api.as("clerk").get("/api/admin/consistency").then().statusCode(403);
        Api.as("viewer").get("/api/admin/consistency").then().statusCode(403);
    }

    private Response tracking(boolean on) {
        return Api.as("admin").body(Api.json("trackSerials", on)).put("/api/items/" + sku);
    }

    /** The whole database agrees with itself (what the suite's last test checks once more). */
    static void assertConsistent() {
        Response r = Api.as("admin").get("/api/admin/consistency");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("violations")).as(r.asString()).isEmpty();
        assertThat(r.jsonPath().getBoolean("consistent")).isTrue();
    }


    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
