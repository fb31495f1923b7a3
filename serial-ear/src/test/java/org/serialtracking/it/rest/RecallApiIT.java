package org.serialtracking.it.rest;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * Recalls (issue 14): suspects named by serial, by a component item consumed in a date range, by
 * supplier or by receipt; every top-level unit they went into, with the path, its state now (a unit
 * sent back shows as returned), the customer and shipment, its warranty; counts, filters, paging,
 * export, closing, audit; and refusals that name what is wrong and save nothing.
 */
@MicroShedTest
class RecallApiIT {

    String wh;
    String supplier;
    String customerA;
    String customerB;
    String cell;
    String pack;
    String battery;
    String screw;
    String[] cells;
    String[] packs;
    String[] batteries;
    String receipt;

    /**
     * Six cells from one supplier, two per pack (with 4 screws per pack build), each pack in one
     * battery: battery 1 shipped to A, battery 2 shipped to B and sent back, battery 3 still here.
     */
    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
        supplier = Api.party("suppliers", "Cells Inc");
        customerA = Api.party("customers", "Grid Co");
        customerB = Api.party("customers", "Solar Ltd");
        cell = Api.trackedItem();
        pack = Api.trackedItem();
        battery = Api.unique("BAT");
        Api.as("admin").body("{\"sku\":\"" + battery + "\",\"name\":\"Battery\",\"trackSerials\":true,"
                + "\"warrantyDays\":365}").post("/api/items").then().statusCode(201);
        screw = TraceApiIT.untrackedItem();
        cells = Api.serials(6);
        packs = Api.serials(3);
        batteries = Api.serials(3);
        receipt = Api.as("clerk").body(Api.doc("RECEIPT", cell, wh, 6, cells).replaceFirst("\\{",
                "{\"supplier\":\"" + supplier + "\",")).post("/api/transactions").then().statusCode(201)
                .extract().jsonPath().getString("number");
        Api.as("clerk").body("{\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"" + screw + "\",\"location\":\"" + wh
                + "\",\"quantity\":100}]}").post("/api/transactions").then().statusCode(201);
        for (int p = 0; p < 3; p++) {
            Api.build(Api.line(pack, wh, 1, "OUTPUT", Api.list(packs[p]), null),
                    Api.line(cell, wh, 2, "COMPONENT", Api.list(cells[2 * p], cells[2 * p + 1]), null),
                    Api.line(screw, wh, 4, "COMPONENT", null, null)).then().statusCode(201);
            Api.build(Api.line(battery, wh, 1, "OUTPUT", Api.list(batteries[p]), null),
                    Api.line(pack, wh, 1, "COMPONENT", Api.list(packs[p]), null)).then().statusCode(201);
        }
        ship(batteries[0], customerA);
        ship(batteries[1], customerB);
        Api.as("clerk").body(Api.doc("RESTOCK", battery, wh, 1, batteries[1]).replaceFirst("\\{",
                "{\"customer\":\"" + customerB + "\",\"rma\":\"RMA-1\",")).post("/api/transactions").then().statusCode(201);
    }

    private String ship(String serial, String customer) {
        return Api.as("clerk").body(Api.doc("SHIPMENT", battery, wh, 1, serial).replaceFirst("\\{",
                "{\"customer\":\"" + customer + "\",")).post("/api/transactions").then().statusCode(201)
                .extract().jsonPath().getString("number");
    }

    private static Response create(String body) {
        return Api.as("clerk").body(body).post("/api/recalls");
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void suspectCellsLeadToTheBatteriesThatHoldThemWithPathStateCustomerAndWarranty() {
        JsonPath recall = create("{\"reason\":\"Cells overheat\",\"serials\":" + Api.list(cells[0], cells[3].toLowerCase(),
                cells[5]) + "}").then().statusCode(201).body("number", org.hamcrest.Matchers.matchesPattern("RCL-\\d{6}"))
                .body("status", equalTo("OPEN")).body("suspects", equalTo(3)).body("createdBy", equalTo("clerk"))
                .body("criteria.serials", equalTo(3)).extract().jsonPath();
        String number = recall.getString("number");
        assertThat(recall.getInt("counts.units")).isEqualTo(3);
        assertThat(recall.getMap("counts.byStatus")).containsExactlyInAnyOrderEntriesOf(
                Map.of("SHIPPED", 1, "RETURNED", 1, "IN_STOCK", 1));
        assertThat(recall.getList("counts.byCustomer.customer")).containsExactlyInAnyOrder(customerA, customerB);
        assertThat(recall.getInt("counts.customers")).isEqualTo(2);

        JsonPath units = Api.as("viewer").get("/api/recalls/" + number + "/units").then().statusCode(200)
                .extract().jsonPath();
        assertThat(units.getList("items.serial")).containsExactly(sorted(batteries));
        Map<String, Object> shipped = unit(units, batteries[0]);
        assertThat(shipped).containsEntry("state", "SHIPPED").containsEntry("customer", customerA)
                .containsEntry("suspect", cells[0]).containsEntry("source", "SERIAL").containsEntry("exact", true)
                .containsEntry("path", List.of(cells[0], packs[0], batteries[0]));
        assertThat(shipped.get("shipment")).asString().startsWith("SHP-");
        assertThat(((Map<?, ?>) shipped.get("warranty")).get("status")).isEqualTo("ACTIVE");
        assertThat(unit(units, batteries[1])).containsEntry("state", "RETURNED").containsEntry("customer", customerB)
                .containsEntry("location", wh);
        assertThat(unit(units, batteries[2])).containsEntry("state", "IN_STOCK").doesNotContainKey("customer")
                .containsEntry("path", List.of(cells[5], packs[2], batteries[2]));
        assertThat(((Map<?, ?>) unit(units, batteries[2]).get("warranty")).get("status")).isEqualTo("NOT_STARTED");

        // filters and keyset paging
        Api.as("viewer").get("/api/recalls/" + number + "/units?status=shipped").then()
                .body("items.serial", equalTo(List.of(batteries[0])));
        Api.as("viewer").get("/api/recalls/" + number + "/units?customer=" + customerB).then()
                .body("items.serial", equalTo(List.of(batteries[1])));
        JsonPath first = Api.as("viewer").get("/api/recalls/" + number + "/units?limit=2").then().extract().jsonPath();
        String next = first.getString("next");
        assertThat(next).isNotNull();
        Api.as("viewer").get("/api/recalls/" + number + "/units?limit=2&after=" + Api.encode(next)).then()
                .body("items.serial", equalTo(List.of(sorted(batteries)[2]))).body("next", nullValue());
        Api.as("viewer").get("/api/recalls/" + number + "/units?status=LOST").then().statusCode(422)
                .body("detail", containsString("RETURNED"));

        // the recall stays live: the battery at A comes back, the one here is shipped to B
        Api.as("clerk").body(Api.doc("RESTOCK", battery, wh, 1, batteries[0]).replaceFirst("\\{",
                "{\"customer\":\"" + customerA + "\",")).post("/api/transactions").then().statusCode(201);
        ship(batteries[2], customerB);
        Api.as("viewer").get("/api/recalls/" + number).then()
                .body("counts.byStatus", equalTo(Map.of("RETURNED", 2, "SHIPPED", 1)));
    }

    @Test
    void aSupplierAReceiptAndAComponentItemConsumedInARangeEachFindTheirSuspects() {
        create("{\"reason\":\"Bad lot\",\"suppliers\":" + Api.list(supplier) + "}").then().statusCode(201)
                .body("suspects", equalTo(6)).body("counts.units", equalTo(3));
        create("{\"reason\":\"Bad lot\",\"receipts\":" + Api.list(receipt) + "}").then().statusCode(201)
                .body("suspects", equalTo(6)).body("counts.units", equalTo(3));

        // the tracked cell consumed today: its six serials
        create("{\"reason\":\"Cells\",\"components\":[{\"sku\":\"" + cell + "\",\"from\":\"" + today() + "\",\"to\":\""
                + today() + "\",\"location\":\"" + wh + "\"}]}").then().statusCode(201).body("suspects", equalTo(6))
                .body("counts.units", equalTo(3));
        // the untracked screw: the packs the builds that used it made, and the batteries above them
        String number = create("{\"reason\":\"Screws shear\",\"components\":[{\"sku\":\"" + screw + "\",\"from\":\""
                + today() + "\",\"to\":\"" + today() + "\"}]}").then().statusCode(201).body("suspects", equalTo(3))
                .body("counts.units", equalTo(3)).extract().jsonPath().getString("number");
        JsonPath units = Api.as("viewer").get("/api/recalls/" + number + "/units").then().extract().jsonPath();
        assertThat(unit(units, batteries[0])).containsEntry("source", "MATERIAL")
                .containsEntry("path", List.of(packs[0], batteries[0]));
        assertThat(unit(units, batteries[0]).get("document")).asString().startsWith("BLD-");
        // nothing consumed last year: a recall with nothing in it
        create("{\"reason\":\"Screws\",\"components\":[{\"sku\":\"" + screw + "\",\"from\":\"2020-01-01\","
                + "\"to\":\"2020-12-31\"}]}").then().statusCode(201).body("suspects", equalTo(0))
                .body("counts.units", equalTo(0));
    }

    @Test
    void aSuspectInStockOrWithoutAssemblyIsItsOwnUnitAndSeveralSuspectsInOneUnitListItOnce() {
        String[] spare = Api.serials(1);
        Api.post("RECEIPT", cell, wh, spare);
        JsonPath units = Api.as("viewer").get("/api/recalls/" + create("{\"reason\":\"Spares too\",\"serials\":"
                + Api.list(spare[0], cells[0], cells[1]) + "}").then().statusCode(201).extract().jsonPath()
                .getString("number") + "/units").then().extract().jsonPath();
        assertThat(units.getList("items.serial")).containsExactlyInAnyOrder(spare[0], batteries[0]);
        assertThat(unit(units, spare[0])).containsEntry("state", "IN_STOCK").containsEntry("path", List.of(spare[0]));
    }

    @Test
    void aSerialWhoseReceiptIsCancelledLeavesTheRecallsThatNamedIt() {
        String[] wrong = Api.serials(2);
        int receiptId = Api.as("clerk").body(Api.doc("RECEIPT", cell, wh, 2, wrong)).post("/api/transactions").then()
                .statusCode(201).extract().jsonPath().getInt("id");
        String number = create("{\"reason\":\"Typo\",\"serials\":" + Api.list(wrong[0], cells[0]) + "}").then()
                .statusCode(201).body("suspects", equalTo(2)).extract().jsonPath().getString("number");
        Api.as("clerk").post("/api/transactions/" + receiptId + "/cancel").then().statusCode(200);
        Api.as("viewer").get("/api/recalls/" + number).then().body("suspects", equalTo(1))
                .body("counts.units", equalTo(1)).body("criteria.serials", equalTo(2));
    }

    @Test
    void aBadRequestIsRefusedNamingWhatIsWrongAndCreatesNothing() {
        int before = recallCount();
        String ghost = Api.unique("GHOST");
        create("{\"reason\":\"x\",\"serials\":" + Api.list(cells[0], ghost) + "}").then().statusCode(422)
                .body("code", equalTo("UNKNOWN_SERIAL")).body("serials", equalTo(List.of(ghost)))
                .body("detail", containsString(ghost));
        create("{\"reason\":\"x\"}").then().statusCode(422).body("code", equalTo("VALIDATION"))
                .body("detail", containsString("suspects"));
        create("{\"serials\":" + Api.list(cells[0]) + "}").then().statusCode(422).body("detail", containsString("reason"));
        create("{\"reason\":\"x\",\"suppliers\":[\"NO-SUCH-SUP\"]}").then().statusCode(422)
                .body("code", equalTo("UNKNOWN_PARTY")).body("detail", containsString("NO-SUCH-SUP"));
        create("{\"reason\":\"x\",\"receipts\":[\"SHP-000001\"]}").then().statusCode(422)
                .body("detail", containsString("SHP-000001"));
        create("{\"reason\":\"x\",\"components\":[{\"sku\":\"" + cell + "\",\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}]}")
                .then().statusCode(422).body("detail", containsString("before"));
        create("{\"reason\":\"x\",\"components\":[{\"sku\":\"" + cell + "\",\"from\":\"1 Jan\",\"to\":\"2026-01-01\"}]}")
                .then().statusCode(422).body("detail", containsString("1 Jan"));
        create("{\"reason\":\"x\",\"components\":[{\"sku\":\"NO-SUCH-SKU\",\"from\":\"2026-01-01\",\"to\":\"2026-01-01\"}]}")
                .then().statusCode(404).body("detail", containsString("NO-SUCH-SKU"));
        assertThat(recallCount()).isEqualTo(before);
        Api.as("viewer").get("/api/recalls/RCL-999999").then().statusCode(404);
    }

    @Test
    void aRecallIsClosedOnceAuditedAndListedByStatus() {
        String since = java.time.OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString();
        String number = create("{\"reason\":\"Close me\",\"serials\":" + Api.list(cells[2]) + "}").then()
                .statusCode(201).extract().jsonPath().getString("number");
        Api.as("viewer").get("/api/recalls?status=OPEN&limit=1000").then().body("items.number", hasItems(number));
        Api.as("viewer").body("{\"note\":\"x\"}").post("/api/recalls/" + number + "/close").then().statusCode(403);
        Api.as("admin").body("{\"note\":\"All units replaced\"}").post("/api/recalls/" + number + "/close").then()
                .statusCode(200).body("status", equalTo("CLOSED")).body("closedBy", equalTo("admin"))
                .body("closingNote", equalTo("All units replaced")).body("counts.units", equalTo(1));
        Api.as("clerk").body("{}").post("/api/recalls/" + number + "/close").then().statusCode(409)
                .body("code", equalTo("CONFLICT")).body("detail", containsString(number));
        Api.as("viewer").get("/api/recalls?status=CLOSED&limit=1000").then().body("items.number", hasItems(number));
        List<Map<String, Object>> audit = Api.auditSince(() -> Api.as("admin"), since).stream()
                .filter(e -> number.equals(e.get("subject"))).toList();
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("RECALL_CREATED", "RECALL_CLOSED");
    }

    @Test
    void theUnitsExportAsCsvAndXlsxWithTheSameFilters() {
        String number = create("{\"reason\":\"Export\",\"suppliers\":" + Api.list(supplier) + "}").then()
                .statusCode(201).extract().jsonPath().getString("number");
        Response csv = Api.as("viewer").accept("text/csv").get("/api/recalls/" + number + "/units/export");
        csv.then().statusCode(200).header("Content-Disposition", containsString(number + ".csv"));
        List<String> lines = Arrays.asList(new String(csv.asByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .split("\r\n"));
        assertThat(lines.get(0)).startsWith("Unit serial,SKU,State");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(sorted(batteries)[0] + "," + battery);
        assertThat(String.join("\n", lines)).contains(cells[0] + " > " + packs[0] + " > " + batteries[0]);
        Response filtered = Api.as("viewer").accept("text/csv")
                .get("/api/recalls/" + number + "/units/export?status=RETURNED");
        assertThat(new String(filtered.asByteArray(), StandardCharsets.UTF_8).split("\r\n")).hasSize(2);
        byte[] xlsx = Api.as("viewer").accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/recalls/" + number + "/units/export?format=xlsx").then().statusCode(200).extract().asByteArray();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        Api.as("viewer").accept("text/csv").get("/api/recalls/RCL-999999/units/export").then().statusCode(404);
    }

    private static int recallCount() {
        return Api.as("viewer").get("/api/recalls?limit=1000").then().extract().jsonPath().getList("items").size();
    }

    private static Map<String, Object> unit(JsonPath units, String serial) {
        return units.getMap("items.find { it.serial == '" + serial + "' }");
    }

    private static String[] sorted(String[] serials) {
        return Arrays.stream(serials).sorted(String.CASE_INSENSITIVE_ORDER).toArray(String[]::new);
    }
}
