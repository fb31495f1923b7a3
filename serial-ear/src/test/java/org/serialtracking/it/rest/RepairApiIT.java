package org.serialtracking.it.rest;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Repairs (issue 14): a REPAIR takes a component out of a unit in stock (back into stock) and puts
 * another in. The genealogy stays true: "made of" shows what is inside now and what was inside
 * before, with the repair and its date; what went in is traced and recalled, what came out no
 * longer leads to the unit; cancelling the repair puts everything back.
 */
@MicroShedTest
class RepairApiIT {

    String wh;
    String bench;
    String board;
    String unit;
    String[] boards;
    String[] units;

    /** Boards B1..B3 received; unit P1 built of B1, P2 of B2. */
    @BeforeEach
    void world() {
        Api.enableTracking();
        String[] here = Api.twoLocations();
        wh = here[0];
        bench = here[1];
        board = Api.trackedItem();
        unit = Api.trackedItem();
        boards = Api.serials(3);
        units = Api.serials(2);
        Api.post("RECEIPT", board, wh, boards);
        for (int i = 0; i < 2; i++) {
            Api.build(Api.line(unit, wh, 1, "OUTPUT", Api.list(units[i]), null),
                    Api.line(board, wh, 1, "COMPONENT", Api.list(boards[i]), null)).then().statusCode(201);
        }
    }

    private static Response repair(String... lines) {
        return Api.as("clerk").body("{\"type\":\"REPAIR\",\"reference\":\"IT\",\"lines\":[" + String.join(",", lines)
                + "]}").post("/api/transactions");
    }

    private String takeOut(String serial, String location) {
        return Api.line(board, location, 1, "UNINSTALL", Api.list(serial), null);
    }

    private String putIn(String serial, String into) {
        return Api.line(board, wh, 1, "INSTALL", Api.list(serial), "{\"" + serial + "\":\"" + into + "\"}");
    }

    @Test
    void aRepairSwapsABoardAndMadeOfShowsWhatIsInsideNowAndWhatWasBefore() {
        Response repaired = repair(takeOut(boards[0], bench), putIn(boards[2], units[0]));
        repaired.then().statusCode(201).body("number", startsWith("RPR-")).body("type", equalTo("REPAIR"));
        String number = repaired.jsonPath().getString("number");

        Api.as("viewer").get("/api/serials/" + boards[0]).then().body("status", equalTo("IN_STOCK"))
                .body("location", equalTo(bench));
        Api.as("viewer").get("/api/serials/" + boards[2]).then().body("status", equalTo("CONSUMED"));
        List<String> history = Api.as("viewer").get("/api/serials/" + boards[0] + "/history").then().extract()
                .jsonPath().getList("type");
        assertThat(history).containsExactly("RECEIVE", "CONSUME", "UNINSTALL");
        assertThat(Api.as("viewer").get("/api/serials/" + boards[2] + "/history").then().extract().jsonPath()
                .getList("type", String.class)).containsExactly("RECEIVE", "INSTALL");

        // made of: the new board inside now, the old one inside before, with the repair and when
        JsonPath madeOf = Api.as("viewer").get("/api/serials/" + units[0] + "/trace?direction=backward").then()
                .statusCode(200).extract().jsonPath();
        assertThat(madeOf.getList("root.children.serial")).containsExactly(boards[2], boards[0]);
        Map<String, Object> now = madeOf.getMap("root.children[0]");
        assertThat(now).containsEntry("joinedBy", number).doesNotContainKey("removedBy").containsKey("linkedAt");
        Map<String, Object> before = madeOf.getMap("root.children[1]");
        assertThat(before).containsEntry("removedBy", number).containsKey("removedAt").containsEntry("status", "IN_STOCK");

        // what went in leads to the unit; what came out no longer does
        Api.as("viewer").get("/api/serials/" + boards[2] + "/trace?direction=forward").then()
                .body("root.children.serial", equalTo(List.of(units[0])));
        Api.as("viewer").get("/api/serials/" + boards[0] + "/trace?direction=forward").then()
                .body("root.children", equalTo(List.of()));
        String recall = Api.as("clerk").body("{\"reason\":\"Boards\",\"serials\":" + Api.list(boards[0], boards[2]) + "}")
                .post("/api/recalls").then().statusCode(201).extract().jsonPath().getString("number");
        JsonPath affected = Api.as("viewer").get("/api/recalls/" + recall + "/units").then().extract().jsonPath();
        assertThat(affected.getList("items.serial")).containsExactlyInAnyOrder(boards[0], units[0]);

        // cancelling the repair puts the old board back inside and the new one back in stock
        Api.as("clerk").post("/api/transactions/" + repaired.jsonPath().getInt("id") + "/cancel").then().statusCode(200);
        Api.as("viewer").get("/api/serials/" + boards[0]).then().body("status", equalTo("CONSUMED"));
        Api.as("viewer").get("/api/serials/" + boards[2]).then().body("status", equalTo("IN_STOCK"))
                .body("location", equalTo(wh));
        Api.as("viewer").get("/api/serials/" + units[0] + "/trace?direction=backward").then()
                .body("root.children.serial", equalTo(List.of(boards[0])))
                .body("root.children[0].removedBy", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aRepairWorksOnlyOnUnitsInStockAndOnlyTakesOutWhatIsInsideNamingEveryOffender() {
        // a board in stock is inside nothing
        repair(takeOut(boards[2], bench)).then().statusCode(422).body("code", equalTo("SERIAL_NOT_INSTALLED"))
                .body("serials", equalTo(List.of(boards[2])));
        // every installed serial names its unit; the unit must be one of ours
        repair(Api.line(board, wh, 1, "INSTALL", Api.list(boards[2]), null)).then().statusCode(422)
                .body("code", equalTo("INVALID_ASSIGNMENT")).body("serials", equalTo(List.of(boards[2])));
        String ghost = Api.unique("GHOST");
        repair(putIn(boards[2], ghost)).then().statusCode(422).body("code", equalTo("INVALID_ASSIGNMENT"))
                .body("detail", containsString(ghost));
        // a shipped unit is repaired after it comes back
        Api.post("SHIPMENT", unit, wh, units[1]);
        repair(putIn(boards[2], units[1])).then().statusCode(422).body("code", equalTo("UNIT_NOT_IN_STOCK"))
                .body("serials", equalTo(List.of(units[1])));
        repair(takeOut(boards[1], bench)).then().statusCode(422).body("code", equalTo("UNIT_NOT_IN_STOCK"))
                .body("serials", equalTo(List.of(units[1])));
        // roles belong to their documents
        repair(Api.line(board, wh, 1, "OUTPUT", Api.list(boards[2]), null)).then().statusCode(422)
                .body("detail", containsString("INSTALL or UNINSTALL"));
        Api.build(Api.line(unit, wh, 1, "OUTPUT", Api.list(Api.serials(1)), null),
                Api.line(board, wh, 1, "INSTALL", Api.list(boards[2]), null)).then().statusCode(422)
                .body("detail", containsString("only for REPAIR lines"));
        // nothing of it was saved
        Api.as("viewer").get("/api/serials/" + boards[2]).then().body("status", equalTo("IN_STOCK"))
                .body("location", equalTo(wh));
        assertThat(Api.as("viewer").get("/api/serials/" + boards[2] + "/history").then().extract().jsonPath()
                .getList("type", String.class)).containsExactly("RECEIVE");
    }
}
